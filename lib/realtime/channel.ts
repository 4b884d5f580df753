/** The NOTIFY channel of the change triggers (migration 0007): `{accountId, conversationId, source}`. */
export const CHANGES_CHANNEL = "baton_changes";
