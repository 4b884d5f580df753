const known = ["https_required", "invalid_url", "credentials_in_url", "events_required", "not_found", "forbidden", "validation_failed", "internal"] as const;
export type WebhookErrorKey = (typeof known)[number];

/** The catalog key for an action's error or field error; anything unknown reads as "internal". */
export const webhookError = (code?: string): WebhookErrorKey => ((known as readonly string[]).includes(code ?? "") ? (code as WebhookErrorKey) : "internal");
