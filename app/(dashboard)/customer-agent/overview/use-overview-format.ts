"use client";

import { useFormatter, useTranslations } from "next-intl";
import { overviewFormat } from "@/lib/overview/format";

/** How the overview writes its figures, in the viewer's language (see lib/overview/format.ts). */
export function useOverviewFormat() {
  return overviewFormat(useFormatter(), useTranslations("overview"));
}
