// Gorgias customer endpoints: create (`channels` required, reference B.4) and list, filtered by
// email or by a channel's type and address. Filtering by channel is how Baton finds a texter by
// phone; the reference does not list the list endpoint's filters, so only this simulator is held
// to them (see README: Gorgias SMS shoppers).
import { json, type SimRequest, type SimResponse } from "./http-kit";
import { renderCustomer, type GorgiasContext } from "./gorgias-state";
import { badRequest } from "./gorgias-tickets";
import { fieldErrors, gorgiasCreateCustomerSchema } from "./request-schemas";

export function customers(ctx: GorgiasContext, req: SimRequest): SimResponse {
  if (req.method === "GET") return listCustomers(ctx, req);
  if (req.method !== "POST") return json(405, { error: { msg: "The specified HTTP method is not allowed." } });
  const parsed = gorgiasCreateCustomerSchema.safeParse(req.body);
  if (!parsed.success) return badRequest("Failed to create customer", fieldErrors(parsed.error));
  const { email, name, channels } = parsed.data;
  if (email && ctx.account.customers.some((c) => c.email?.toLowerCase() === email.toLowerCase())) {
    return json(409, { error: { msg: "The resource already exists." } });
  }
  const created = { id: ctx.nextId(), email: email ?? null, name: name ?? null, channels: channels.map((c) => ({ type: c.type, address: c.address })) };
  ctx.account.customers.push(created);
  return json(201, renderCustomer(created));
}

function listCustomers(ctx: GorgiasContext, req: SimRequest): SimResponse {
  const email = req.query.get("email")?.toLowerCase();
  const type = req.query.get("channel_type");
  const address = req.query.get("channel_address");
  const limit = Math.min(100, Number(req.query.get("limit") ?? 30) || 30);
  const matches = ctx.account.customers.filter(
    (c) =>
      (!email || c.email?.toLowerCase() === email) &&
      (!type || !address || (c.channels ?? []).some((ch) => ch.type === type && ch.address === address) || (type === "email" && c.email === address)),
  );
  return json(200, {
    object: "list",
    uri: "/api/customers",
    data: matches.slice(0, limit).map(renderCustomer),
    meta: { next_cursor: null, prev_cursor: null },
  });
}
