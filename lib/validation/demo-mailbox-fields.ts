// The demo mailbox answer's limit, shared by the schema (demo-mailbox.ts) and the browser's form
// without zod, so the demo page does not ship a validation library to check one length.

export const DEMO_ANSWER_MAX = 4000;
