import { z } from "zod";

// The one place that reads process.env. Parsed lazily, once: importing this module (as
// `next build` does) never fails, and a missing secret is reported when it is first needed.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  BATON_DATA_DIR: z.string().min(1).default(".data"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  BATON_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "BATON_ENCRYPTION_KEY must be 32 bytes in base64")
    .optional(),
  /** Retired encryption keys, comma-separated, still accepted for reading (key rotation). */
  BATON_ENCRYPTION_OLD_KEYS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "each old key must be 32 bytes in base64")))
    .optional(),
  /** Outbound helpdesk request timeout. */
  HELPDESK_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  /** Where rate-limit counters live when set (redis:// or rediss://); unset: the PostgreSQL database (memory with PGlite). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Widget API requests per minute, per key and per client address, across all processes. */
  WIDGET_RATE_LIMIT_PER_KEY: z.coerce.number().int().positive().default(600),
  WIDGET_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(300),
  /**
   * Forwarding to an outside destination: how long transient failures are retried before giving up, the
   * first retry delay (doubling, with jitter) and its cap.
   */
  FORWARDING_RETRY_HOURS: z.coerce.number().positive().default(24),
  FORWARDING_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
  FORWARDING_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(600_000),
  /** Admins are emailed when a helpdesk has not accepted a ticket for this long (once per incident). */
  FORWARDING_ALERT_MINUTES: z.coerce.number().positive().default(10),
  /** Off: this process runs neither the forwarding nor the email worker (run `npm run worker` instead). */
  FORWARDING_WORKER: z.enum(["on", "off"]).default("on"),
  /**
   * Development and tests only: webhooks may go to http://localhost / 127.0.0.1 / [::1]. Private,
   * link-local and metadata addresses stay refused either way.
   */
  ALLOW_PRIVATE_WEBHOOKS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** How long a webhook receiver has to answer (tests shorten it). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  /** An agent whose dashboard sent no heartbeat for this long counts as away. */
  AGENT_PRESENCE_TIMEOUT_SECONDS: z.coerce.number().int().min(30).default(180),
  // The shortest "waiting too long" threshold an admin can save (Settings → Business hours).
  // A minute; end-to-end tests lower it to wait seconds.
  OVERDUE_MIN_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Where agents' email replies are sent (smtp:// or smtps://, credentials in the URL). Unset: they are only recorded. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of those emails. */
  SMTP_FROM: z.string().min(3).default("Baton <no-reply@baton.invalid>"),
  /** Email sending: attempts before an email is marked failed (an agent can retry it), and the first retry delay (doubling). */
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(6),
  EMAIL_BACKOFF_MS: z.coerce.number().int().min(1).default(5000),
  /**
   * Inbound email: the domain whose `reply+<token>@` addresses Baton's emails give as Reply-To (MX
   * pointing at the receiver, or at a provider that posts to the webhook). Unset: no Reply-To,
   * and the receiver refuses every recipient.
   */
  BATON_INBOUND_DOMAIN: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i, "BATON_INBOUND_DOMAIN must be a domain name")
    .transform((v) => v.toLowerCase())
    .optional(),
  /** Port of Baton's own SMTP receiver (the worker, or the web server with PGlite); unset: not started. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default("0.0.0.0"),
  /** Largest inbound message, SMTP and webhook alike (SMTP answers 552 above it, the webhook 413). */
  INBOUND_EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Recipients one SMTP transaction may name (more get 452). */
  INBOUND_SMTP_MAX_RECIPIENTS: z.coerce.number().int().min(1).max(1000).default(10),
  /** Shared secret of POST /api/email/inbound (Bearer, or Basic's password); unset: the webhook answers 404. */
  INBOUND_EMAIL_SECRET: z.string().min(16, "INBOUND_EMAIL_SECRET must be at least 16 characters").optional(),
  /**
   * Demo only (`npm run demo` sets it): the folder where the demo mail catcher keeps Baton's
   * outbound mail as .eml files, read by the /demo/mailbox page. Unset: that page answers 404.
   */
  DEMO_MAILBOX_DIR: z.string().min(1).optional(),
  /** Demo only: the port of the demo mail catcher that `npm run demo` points SMTP_URL at. */
  DEMO_MAIL_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Proxies in front of Baton that append to X-Forwarded-For; 0: the socket's address is the client's. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
/** The variables a destination declares in its own folder (lib/helpdesks/<id>/env.ts), parsed by envFor. */
let cachedFor = new WeakMap<z.ZodType, unknown>();

function parse<T>(of: z.ZodType<T>): T {
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = of.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= parse(schema);
  return cached;
}

/**
 * Variables a destination declares itself (lib/helpdesks/<id>/env.ts), so adding one never
 * touches this file; read the same way as env(): lazily, once, a bad value named when first needed.
 */
export function envFor<T>(of: z.ZodType<T>): T {
  if (!cachedFor.has(of)) cachedFor.set(of, parse(of));
  return cachedFor.get(of) as T;
}

export function requireSecret(name: "NEXTAUTH_SECRET" | "BATON_ENCRYPTION_KEY"): string {
  const value = env()[name];
  if (!value) {
    throw new Error(`${name} is not set. Run \`npm run demo\` (it generates one) or see .env.example.`);
  }
  return value;
}

/** Forget the parsed environment; tests that change process.env call this. */
export function resetEnvForTests(): void {
  cached = undefined;
  cachedFor = new WeakMap();
}
