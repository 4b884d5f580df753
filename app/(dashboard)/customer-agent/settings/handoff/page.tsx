import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { autoReplyIfNobody } from "@/lib/availability/availability";
import { connectableDestinations, onboardingViews } from "@/lib/helpdesks/registry";
import { languageName } from "@/lib/i18n/language-names";
import { matchShopperLocale, shopperLocales } from "@/lib/i18n/shopper-locales";
import { shopperCatalogs, shopperTexts } from "@/lib/i18n/shopper-texts";
import { previewMessages } from "@/lib/i18n/preview-messages";
import { agentSwitchHistory } from "@/lib/services/agent-switch";
import { getBusinessHours, repliesFor } from "@/lib/services/business-hours";
import { getHandoffOverview } from "@/lib/services/handoff-settings";
import type { ConnectableId } from "@/lib/validation/integrations";
import { accountLanguages } from "@/lib/services/shopper-language";
import { HandoffForm } from "./handoff-form";
import { HandoffHistory } from "./handoff-history";
import { LanguagesForm } from "./languages-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.handoff");
  return { title: t("title") };
}

type Search = { connected?: string; connect?: string; connectError?: string };
const asProvider = (value?: string) => connectableDestinations().find((d) => d.id === value)?.id as ConnectableId | undefined;

export default async function HandoffPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember({ role: "lead" });
  const search = await searchParams;
  const requested = asProvider(search.connect);
  const db = await getDb();
  const [{ state, connectedAs, changes, fellBackFrom }, switches, hours, languages] = await Promise.all([
    getHandoffOverview(db, member.accountId),
    agentSwitchHistory(db, member.accountId),
    getBusinessHours(db, member.accountId),
    accountLanguages(db, member.accountId),
  ]);
  const t = await getTranslations("pages.handoff");
  const tHandoff = await getTranslations("handoff");
  // The "nobody available" case of the preview: the auto-reply as a shopper asking now would read it.
  const now = new Date();
  // The preview in every shopper language, the account's own first.
  const shopperViews = [languages.locale, ...shopperLocales.filter((l) => l !== languages.locale)].map((locale) => {
    const replies = repliesFor(hours, locale);
    // "When the team is back" in the auto-reply's own language (the main text's is the account's).
    const tReply = shopperTexts(matchShopperLocale(replies.autoReplyLocale) ?? locale);
    const autoReply = autoReplyIfNobody(
      { hours: hours.rules, template: replies.autoReply, timeZone: hours.timeZone, locale: tReply.locale, now },
      (key, values) => tReply(key, values),
    );
    return {
      locale,
      name: languageName(locale),
      messages: previewMessages(shopperCatalogs[locale].shopper),
      inbox: { autoReply, inHoursMessage: replies.inHoursMessage },
    };
  });
  return (
    <div className="space-y-10">
      <section aria-labelledby="handoff-title">
        <h2 id="handoff-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
        {fellBackFrom ? (
          <p role="status" className="mt-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {tHandoff("fellBack", { helpdesk: tHandoff(`destinations.${fellBackFrom}.name`) })}
          </p>
        ) : null}
        <div className="mt-6">
          <HandoffForm
            settings={state.settings}
            version={state.version}
            connected={state.connected}
            connectedAs={connectedAs}
            canEdit={member.role === "admin"}
            onboarding={onboardingViews()}
            justConnected={asProvider(search.connected)}
            connectRequest={requested ? { provider: requested, error: search.connectError } : undefined}
            shopperViews={shopperViews}
          />
        </div>
      </section>
      <LanguagesForm
        languages={shopperLocales.map((locale) => ({ locale, name: languageName(locale) }))}
        locale={languages.locale}
        shopperLocale={languages.shopperLocale}
        canEdit={member.role === "admin"}
      />
      <HandoffHistory changes={changes} switches={switches} />
    </div>
  );
}
