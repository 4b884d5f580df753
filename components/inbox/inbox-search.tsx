import { getTranslations } from "next-intl/server";
import { AppLink } from "@/components/ui/app-link";
import type { InboxFilter } from "@/lib/inbox/types";
import { inboxSearchMinLength } from "@/lib/validation/inbox";

/**
 * Search by the shopper's email or any message's text: a plain GET form, so it works before the
 * page's scripts load and the search stays in the URL (shareable, back button).
 */
export async function InboxSearch({ filter, typed, clearHref }: { filter: InboxFilter; typed: string; clearHref: string }) {
  const t = await getTranslations("inbox.search");
  const tooShort = typed.length > 0 && !filter.q;
  return (
    <form role="search" action="/inbox" method="get" className="flex flex-wrap items-start gap-2" aria-label={t("label")}>
      <input type="hidden" name="assignee" value={filter.assignee} />
      <input type="hidden" name="state" value={filter.state} />
      {filter.channel ? <input type="hidden" name="channel" value={filter.channel} /> : null}
      <div className="min-w-0 flex-1 sm:max-w-md">
        <label htmlFor="inbox-search" className="sr-only">
          {t("label")}
        </label>
        <input
          id="inbox-search"
          type="search"
          name="q"
          defaultValue={typed}
          maxLength={200}
          placeholder={t("placeholder")}
          aria-describedby={tooShort ? "inbox-search-hint" : undefined}
          aria-invalid={tooShort || undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
        {tooShort ? (
          <p id="inbox-search-hint" role="alert" className="mt-1 text-sm text-red-700">
            {t("tooShort", { min: inboxSearchMinLength })}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {t("submit")}
      </button>
      {filter.q ? (
        <AppLink href={clearHref} className="px-2 py-2 text-sm font-medium text-indigo-700 hover:underline">
          {t("clear")}
        </AppLink>
      ) : null}
    </form>
  );
}
