import { getFormatter, getTranslations } from "next-intl/server";
import { AppLink } from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { demoMailboxDir, listDemoThreads } from "@/lib/services/demo-mailbox";
import { AnswerForm } from "./answer-form";

// /demo/mailbox — the demo shoppers' mailbox: the threads of email Baton sent (newest first) and,
// for the chosen one (?thread=), its messages and an answer box. "Check for new mail" reloads it.
export const dynamic = "force-dynamic";

export default async function DemoMailboxPage({ searchParams }: { searchParams: Promise<{ thread?: string }> }) {
  // Layouts are not re-run on every navigation: the page checks too.
  if (!demoMailboxDir()) notFound();
  const [t, format, threads, { thread: chosen }] = await Promise.all([getTranslations("demoMailbox"), getFormatter(), listDemoThreads(), searchParams]);
  const open = threads.find((th) => th.id === chosen) ?? null;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const lastFromBaton = open?.mails.findLast((m) => m.direction === "received");
  const answerTo = lastFromBaton ? (lastFromBaton.replyTo ?? lastFromBaton.from?.address) : null;

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
        </div>
        <AppLink
          href={open ? `/demo/mailbox?thread=${open.id}` : "/demo/mailbox"}
          prefetch={false}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {t("checkMail")}
        </AppLink>
      </header>

      <div className="mt-6 grid gap-6 lg:grid-cols-[20rem_1fr]">
        <nav aria-label={t("threads")} className="min-w-0">
          {threads.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="mailbox-threads">
              {threads.map((th) => (
                <li key={th.id}>
                  <AppLink
                    href={`/demo/mailbox?thread=${th.id}`}
                    prefetch={false}
                    aria-current={th.id === open?.id ? "page" : undefined}
                    className="block px-4 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 aria-[current=page]:bg-indigo-50"
                  >
                    <span className="block truncate text-sm font-medium text-slate-900">{th.subject || t("noSubject")}</span>
                    <span className="block truncate text-xs text-slate-600">{th.shopper ? t("to", { address: th.shopper }) : null}</span>
                    <span className="mt-1 block text-xs text-slate-600">
                      {t("messageCount", { count: th.mails.length })}
                      {" · "}
                      {when(th.lastAt)}
                    </span>
                  </AppLink>
                </li>
              ))}
            </ul>
          )}
        </nav>

        <section aria-labelledby="mailbox-thread" className="min-w-0 rounded-lg [overflow-wrap:anywhere] border border-slate-200 bg-white p-4 sm:p-6">
          {open ? (
            <>
              <h2 id="mailbox-thread" className="text-lg font-semibold break-words text-slate-900">
                {open.subject || t("noSubject")}
              </h2>
              <ol className="mt-4 space-y-4" data-testid="mailbox-thread">
                {open.mails.map((mail) => (
                  <li key={mail.id}>
                    <article
                      data-testid="mailbox-mail"
                      data-direction={mail.direction}
                      className={`rounded-md border p-4 ${mail.direction === "sent" ? "border-indigo-200 bg-indigo-50/50" : "border-slate-200"}`}
                    >
                      <p className="text-sm font-medium break-words text-slate-900">
                        {mail.direction === "sent" ? t("youSent") : t("from", { sender: mail.from?.name || mail.from?.address || "" })}
                      </p>
                      <p className="text-xs break-words text-slate-600">
                        {mail.to ? t("to", { address: mail.to }) : null}
                        {" · "}
                        <time dateTime={mail.date.toISOString()}>{when(mail.date)}</time>
                      </p>
                      <div className="mt-3 text-sm break-words whitespace-pre-wrap text-slate-800">{mail.text}</div>
                    </article>
                  </li>
                ))}
              </ol>
              {lastFromBaton?.to && answerTo ? (
                <div className="mt-6">
                  <AnswerForm key={lastFromBaton.id} mailId={lastFromBaton.id} shopper={lastFromBaton.to} address={answerTo} />
                </div>
              ) : null}
            </>
          ) : (
            <p id="mailbox-thread" className="text-sm text-slate-600">
              {t("pickThread")}
            </p>
          )}
        </section>
      </div>
    </main>
  );
}
