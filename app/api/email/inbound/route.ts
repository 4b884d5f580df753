// POST /api/email/inbound — inbound email from a provider that receives mail and posts it (raw
// MIME), authenticated with INBOUND_EMAIL_SECRET. The SMTP receiver is the other way in.
import { handleInboundEmail } from "@/lib/http/inbound-email-route";

export const POST = handleInboundEmail;
