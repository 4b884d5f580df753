// POST /api/demo/mailbox/answer — demo only: the shopper answers a mail in the demo mailbox; the answer goes to Baton's SMTP receiver.
import { handleDemoAnswer } from "@/lib/http/demo-mailbox-route";

export const POST = handleDemoAnswer;
