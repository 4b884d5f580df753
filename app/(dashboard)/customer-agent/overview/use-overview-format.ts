"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { overviewFormat } from "@/lib/overview/format";

/** How the overview writes its figures, in the viewer's language (see lib/overview/format.ts). */
export function useOverviewFormat() {
  return overviewFormat(useFormatter(), useTranslations("overview"));
}
