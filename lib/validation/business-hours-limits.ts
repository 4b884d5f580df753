// The Business hours form's limits, shared by the schema (business-hours.ts) and the browser's form
// without zod, so the tab does not ship a validation library to show its counters.

export const RANGES_PER_DAY_MAX = 6;
export const EXCEPTIONS_MAX = 60;
export const EXCEPTION_LABEL_MAX = 60;
export const AUTO_REPLY_MAX = 600;
export const IN_HOURS_MESSAGE_MAX = 600;
/** The only placeholder of the auto-reply: when the team is back. */
export const BACK_AT = "{backAt}";
