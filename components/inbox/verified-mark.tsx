"use client";

import { useTranslations } from "@/lib/i18n/client";

/** Whether the store signed this shopper (identity token) or the shopper typed who they are. */
export function VerifiedMark({ verified }: { verified: boolean }) {
  const t = useTranslations("inbox.identity");
  return (
    <span
      data-testid="shopper-identity"
      title={verified ? t("verifiedHint") : t("unverifiedHint")}
      className={`ml-2 inline-block rounded-full px-2 py-0.5 align-middle text-xs font-medium ${verified ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
    >
      {verified ? t("verified") : t("unverified")}
    </span>
  );
}
