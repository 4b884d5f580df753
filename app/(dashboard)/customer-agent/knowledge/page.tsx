import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { hasRole } from "@/lib/auth/roles";
import { shopperLocales } from "@/lib/i18n/shopper-locales";
import { listEntries, synonymsByLanguage } from "@/lib/services/knowledge";
import { resolutionWindowHours } from "@/lib/services/resolution-window";
import { accountLanguages } from "@/lib/services/shopper-language";
import { knowledgeFilterSchema, type KnowledgeEntryView } from "@/lib/validation/knowledge";
import { KnowledgeList } from "./knowledge-list";
import { SynonymsEditor } from "./synonyms-editor";
import { ResolutionWindow } from "./resolution-window";
import { TryIt } from "./try-it";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every member reads the knowledge and can try questions; admins and leads edit it. */
export default async function KnowledgePage({ searchParams }: { searchParams: Search }) {
  const member = await requireMember({ role: "agent" });
  const params = await searchParams;
  const filter = knowledgeFilterSchema.parse({ q: one(params.q) ?? "", lang: one(params.lang) });
  const db = await getDb();
  const [rows, synonyms, languages, windowHours] = await Promise.all([
    listEntries(db, { accountId: member.accountId, q: filter.q || undefined, locale: filter.lang }),
    synonymsByLanguage(db, member.accountId),
    accountLanguages(db, member.accountId),
    resolutionWindowHours(db, member.accountId),
  ]);
  // The account's shopper language first: new entries and Try it default to it.
  const locales = [languages.shopperDefault, ...shopperLocales.filter((l) => l !== languages.shopperDefault)];
  // "Changed 5 minutes ago" is written here, in the member's language and the account's zone.
  const format = await getFormatter();
  const now = new Date();
  const entries: KnowledgeEntryView[] = rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString(), changed: format.relativeTime(r.updatedAt, now) }));
  const canEdit = hasRole(member.role, "lead");
  // "Add answer" on an overview gap opens the editor with the group's wordings.
  const prefill = one(params.add)
    ? {
        question: one(params.add)!.slice(0, 300),
        variants: (one(params.variants) ?? "").slice(0, 6000),
        locale: one(params.locale) ?? "",
        // The overview's range: the editor's replay reads the same days' unanswered questions.
        days: Math.min(366, Math.max(1, Number.parseInt(one(params.days) ?? "30", 10) || 30)),
      }
    : null;
  const t = await getTranslations("knowledge");
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      {!canEdit ? <p className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700">{t("readOnly")}</p> : null}
      <TryIt locales={locales} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="knowledge-q" className="block text-sm font-medium text-slate-800">
            {t("searchLabel")}
          </label>
          <input
            id="knowledge-q"
            name="q"
            type="search"
            defaultValue={filter.q}
            placeholder={t("searchPlaceholder")}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="knowledge-lang" className="block text-sm font-medium text-slate-800">
            {t("languageFilter")}
          </label>
          <select
            id="knowledge-lang"
            name="lang"
            defaultValue={filter.lang ?? ""}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t("allLanguages")}</option>
            {shopperLocales.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {t("apply")}
        </button>
      </form>
      <KnowledgeList entries={entries} canEdit={canEdit} filtered={Boolean(filter.q || filter.lang)} locales={locales} prefill={canEdit ? prefill : null} />
      <SynonymsEditor synonyms={synonyms} canEdit={canEdit} locales={locales} />
      <ResolutionWindow hours={windowHours} canEdit={canEdit} />
    </div>
  );
}
