/**
 * Keys whose text may stay identical to English in a catalog (path relative to messages/): words
 * the language borrows as they are. Names and symbols need no entry (lib/i18n/catalog-check.ts).
 */
export const allowIdentical: Record<string, string[]> = {
  "pt-BR.json": [
    "customerAgent.widgetTab", // "Widget": the word Brazilian stores use
    "nav.menu", // "Menu", the same word in Portuguese
    "handoff.destinationLegend", // "Helpdesk", as the seed writes it
    "integrations.deliveries.status", // "Status"
    "inbox.columns.status",
    "businessHours.team.offline", // "Offline"
    "overview.charts.total", // "Total"
    "overview.duration.minutes", // "{m} min {s} s": unit symbols
    "overview.duration.minutesOnly",
    "overview.duration.hours",
    "inbox.message.channel.chat", // "Chat", the word Brazilian stores use
    "inbox.message.attachment", // "{name} ({kb} KB)": a name and a unit symbol
    "customerAgent.webhooksTab", // "Webhooks", the technical term Brazilian developers use
    "webhooks.title",
    "webhooks.endpointsTitle", // "Endpoints", likewise
    "webhooks.durationMs", // "{ms} ms": a unit symbol
  ],
};
