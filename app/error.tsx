"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect } from "react";
import { StatusPage } from "@/components/layout/status-page";
import { Button } from "@/components/ui/button";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPage
      title={t("genericTitle")}
      body={t("genericBody")}
      action={
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
      }
    />
  );
}
