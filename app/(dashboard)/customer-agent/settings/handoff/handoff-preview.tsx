"use client";

import { useTranslations } from "@/lib/i18n/client";
import { AppLink } from "@/components/ui/app-link";
import { useState, type ReactNode } from "react";
import { shopperTranslator, type ShopperMessages } from "@/lib/i18n/shopper-translator";
import type { HandoffSnapshot } from "@/lib/validation/handoff";
import type { DestinationId } from "@/lib/validation/handoff";

type Channel = "web_chat" | "sms";
/** Baton Inbox's two cases: what the shopper reads when someone is available, and the auto-reply when nobody is. */
export type InboxReplies = { autoReply: string; inHoursMessage: string | null };
/** One shopper language the preview can show: its own name, its shopper texts and its Baton Inbox replies. */
export type ShopperView = { locale: string; name: string; messages: ShopperMessages; inbox: InboxReplies };
type Version = { message: string; links: Array<{ label: string; url: string }> };
type Props = {
  method: HandoffSnapshot["method"];
  destination: DestinationId;
  /** The custom message in the account's language, and in the other languages (empty: the main one is shown). */
  main: Version;
  versions: Record<string, Version>;
  /** The shopper languages, the account's own first. */
  views: ShopperView[];
};
type ViewProps = {
  method: Props["method"];
  destination: DestinationId;
  message: string;
  links: Version["links"];
  view: ShopperView;
  nobodyAvailable: boolean;
};

// GSM-7 single-segment SMS are 160 characters; longer ones split into 153-character parts.
const smsSegments = (text: string) => (text.length <= 160 ? 1 : Math.ceil(text.length / 153));

/** What the shopper sees, built from the same shopper-facing texts the widget uses. */
export function HandoffPreview(props: Props) {
  const t = useTranslations("handoff.preview");
  const [channel, setChannel] = useState<Channel>("web_chat");
  const [locale, setLocale] = useState(props.views[0]?.locale);
  const view = props.views.find((v) => v.locale === locale) ?? props.views[0]!;
  const own = props.versions[view.locale];
  const { message, links } = own?.message.trim() ? own : props.main;
  const shown = { method: props.method, destination: props.destination, message, links, view };
  const [nobodyAvailable, setNobodyAvailable] = useState(false);
  const toInbox = props.method === "helpdesk" && props.destination === "baton_inbox";
  return (
    <aside aria-labelledby="handoff-preview-title" className="self-start rounded-xl border border-slate-200 bg-white p-5 xl:sticky xl:top-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h3 id="handoff-preview-title" className="text-sm font-semibold text-slate-900">
            {t("title")}
          </h3>
          <p className="mt-1 text-xs text-slate-500">{t("description")}</p>
        </div>
        <div role="radiogroup" aria-label={t("channelsLabel")} className="flex rounded-md bg-slate-100 p-0.5 text-xs font-medium">
          {(["web_chat", "sms"] as const).map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={channel === c}
              onClick={() => setChannel(c)}
              className={`whitespace-nowrap rounded px-2.5 py-1 ${channel === c ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
            >
              {c === "web_chat" ? t("webChat") : t("sms")}
            </button>
          ))}
        </div>
      </div>
      <label className="mt-4 flex items-center justify-between gap-3 text-xs font-medium text-slate-600">
        {t("languageLabel")}
        <select
          value={view.locale}
          onChange={(e) => setLocale(e.target.value)}
          data-testid="handoff-preview-language"
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-900"
        >
          {props.views.map((v) => (
            <option key={v.locale} value={v.locale}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {toInbox ? (
        <div className="mt-4">
          <div role="radiogroup" aria-label={t("caseLabel")} className="grid grid-cols-2 rounded-md bg-slate-100 p-0.5 text-xs font-medium">
            {[false, true].map((nobody) => (
              <button
                key={String(nobody)}
                type="button"
                role="radio"
                aria-checked={nobodyAvailable === nobody}
                onClick={() => setNobodyAvailable(nobody)}
                className={`rounded px-2.5 py-1 ${nobodyAvailable === nobody ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
              >
                {nobody ? t("caseNobody") : t("caseAvailable")}
              </button>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-500">
            {nobodyAvailable ? t("caseNobodyHint") : t("caseAvailableHint")}{" "}
            <AppLink href="/customer-agent/settings/business-hours" className="font-medium text-indigo-700 hover:underline">
              {t("editHours")}
            </AppLink>
          </p>
        </div>
      ) : null}
      <div
        data-testid="handoff-preview"
        data-case={toInbox && nobodyAvailable ? "nobody" : "available"}
        lang={view.locale}
        className="mt-4 space-y-2 rounded-lg bg-slate-50 p-4"
      >
        {channel === "web_chat" ? (
          <WebChat {...shown} nobodyAvailable={toInbox && nobodyAvailable} />
        ) : (
          <Sms {...shown} nobodyAvailable={toInbox && nobodyAvailable} />
        )}
      </div>
    </aside>
  );
}

function WebChat({ method, destination, message, links, view, nobodyAvailable }: ViewProps) {
  const t = useTranslations();
  const ts = shopperTranslator(view.locale, view.messages);
  const { inbox } = view;
  const shopperEmail = t("handoff.preview.shopperEmail");
  return (
    <>
      <Bubble from="shopper">{t("handoff.preview.shopperQuestion")}</Bubble>
      {method === "message" ? (
        <Bubble from="agent">
          <p className="whitespace-pre-line">{message || t("handoff.messagePlaceholder")}</p>
          {links.some((l) => l.label) ? (
            <ul className="mt-2 space-y-1">
              {links
                .filter((l) => l.label)
                .map((l, i) => (
                  <li key={i}>
                    <span className="inline-block rounded-md border border-indigo-200 bg-white px-2.5 py-1 text-xs font-medium text-indigo-700">{l.label}</span>
                  </li>
                ))}
            </ul>
          ) : null}
        </Bubble>
      ) : (
        <>
          <Bubble from="agent">
            {ts("cannotAnswer")} {ts("offerHuman")}
            <span className="mt-2 flex flex-wrap gap-2">
              <span className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white">{ts("consentButton")}</span>
              <span className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700">{ts("declineButton")}</span>
            </span>
          </Bubble>
          <Bubble from="shopper">{ts("consentButton")}</Bubble>
          <p className="pt-1 text-center text-[11px] uppercase tracking-wide text-slate-600">{t("handoff.preview.stepNoEmail")}</p>
          <Bubble from="agent">{nobodyAvailable ? ts("askEmailOffline") : ts("askEmail")}</Bubble>
          <Bubble from="shopper">{shopperEmail}</Bubble>
          {destination === "baton_inbox" ? (
            nobodyAvailable ? (
              <>
                <Bubble from="agent">{ts("sentToInboxByEmail", { email: shopperEmail })}</Bubble>
                <Bubble from="agent">{inbox.autoReply}</Bubble>
              </>
            ) : (
              <>
                <Bubble from="agent">{ts("sentToInbox")}</Bubble>
                {inbox.inHoursMessage ? <Bubble from="agent">{inbox.inHoursMessage}</Bubble> : null}
              </>
            )
          ) : (
            <>
              <Bubble from="agent">{ts("sentToHelpdeskWebChat", { email: shopperEmail })}</Bubble>
              <p className="pt-1 text-center text-xs text-slate-500">{ts("chatEnded")}</p>
            </>
          )}
        </>
      )}
    </>
  );
}

function Sms({ method, destination, message, links, view, nobodyAvailable }: ViewProps) {
  const t = useTranslations();
  const ts = shopperTranslator(view.locale, view.messages);
  const { inbox } = view;
  const inboxExtra = nobodyAvailable ? inbox.autoReply : inbox.inHoursMessage;
  const body =
    method === "message"
      ? [message || t("handoff.messagePlaceholder"), ...links.filter((l) => l.label && l.url).map((l) => `${l.label}: ${l.url}`)].join("\n")
      : destination === "baton_inbox"
        ? [ts("cannotAnswer"), ts("smsSentToInbox"), inboxExtra].filter(Boolean).join(" ")
        : `${ts("cannotAnswer")} ${ts("smsSentToHelpdesk")}`;
  return (
    <>
      <Bubble from="shopper">{t("handoff.preview.shopperQuestion")}</Bubble>
      <Bubble from="agent">
        <span className="whitespace-pre-line">{body}</span>
      </Bubble>
      <p className="text-right text-[11px] text-slate-600">{t("handoff.preview.smsSegments", { count: smsSegments(body) })}</p>
    </>
  );
}

function Bubble({ from, children }: { from: "shopper" | "agent"; children: ReactNode }) {
  return (
    <div className={`flex ${from === "shopper" ? "justify-end" : "justify-start"}`}>
      <div
        className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm ${
          from === "shopper" ? "rounded-br-sm bg-indigo-600 text-white" : "rounded-bl-sm border border-slate-200 bg-white text-slate-800"
        }`}
      >
        {children}
      </div>
    </div>
  );
}
