import "server-only";
import type { Database } from "@/db/client";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";
import { shopperTexts, widgetTexts } from "@/lib/i18n/shopper-texts";
import { isAgentEnabled } from "@/lib/services/agent-switch";
import { availabilityOf } from "@/lib/services/availability";
import { getHandoffState, messageFor } from "@/lib/services/handoff-settings";
import type { WidgetConfig } from "@/lib/widget/contract";
import { asDestinationId } from "@/lib/helpdesks/registry";

/** GET /config: what the widget must do when the agent cannot answer, in the shopper's language. */
export async function widgetConfig(db: Database, params: { accountId: string; locale: ShopperLocale }): Promise<WidgetConfig> {
  const [{ settings }, enabled] = await Promise.all([getHandoffState(db, params.accountId), isAgentEnabled(db, params.accountId)]);
  const t = shopperTexts(params.locale);
  const helpdesk = settings.method === "helpdesk";
  // The same availability function answers the handoff (lib/services/handoff-rules.ts).
  const inbox = helpdesk && settings.destination === "baton_inbox" ? (await availabilityOf(db, params.accountId)).availability : null;
  return {
    enabled,
    method: settings.method,
    destination: helpdesk ? asDestinationId(settings.destination) : null,
    webChat: { askConsent: helpdesk, consentLabel: t("consentButton"), declineLabel: t("declineButton"), emailRequired: helpdesk },
    humanAvailable: inbox?.available ?? false,
    availability: inbox ? { reason: inbox.reason, nextOpeningAt: inbox.nextOpeningAt?.toISOString() ?? null } : null,
    message: helpdesk ? null : (({ message, links }) => ({ text: message, links }))(messageFor(settings, params.locale)),
    texts: widgetTexts(params.locale),
    locale: params.locale,
  };
}
