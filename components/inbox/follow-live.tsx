"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { inboxKeys } from "@/lib/inbox/query-options";
import { useInboxChanges } from "./live-updates";

/** On the inbox pages: every change the live stream reports refetches the inbox queries on screen. */
export function InboxQueriesFollowLive() {
  const queryClient = useQueryClient();
  const { changes } = useInboxChanges();
  useEffect(() => {
    if (changes > 0) void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  }, [changes, queryClient]);
  return null;
}
