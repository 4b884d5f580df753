// The demo accounts both simulators start with (`npx tsx e2e/simulators/run.ts`, the demo script).
import type { GorgiasSimulator } from "./gorgias";
import type { ZendeskSimulator } from "./zendesk";

export const demoHelpdesks = {
  zendesk: {
    subdomain: "demo-store",
    email: "agent@demo-store.test",
    apiToken: "demo-zendesk-token",
    oauthClientId: "baton-demo",
    oauthClientSecret: "baton-demo-secret",
  },
  gorgias: {
    domain: "demo-store",
    email: "agent@demo-store.test",
    apiKey: "demo-gorgias-key",
    observerEmail: "observer@demo-store.test",
    observerApiKey: "demo-observer-key",
  },
} as const;

// Baton's callback on any local port, as `npm run demo` and the e2e server pick their own.
const zendeskCallback = /^http:\/\/(localhost|127\.0\.0\.1):\d+\/api\/integrations\/zendesk\/callback$/;

export function seedDemoHelpdesks(zendesk: ZendeskSimulator, gorgias: GorgiasSimulator): void {
  const z = demoHelpdesks.zendesk;
  zendesk.setGlobalOAuthClient({
    clientId: z.oauthClientId,
    clientSecret: z.oauthClientSecret,
    redirectUris: [zendeskCallback],
  });
  zendesk.addAccount({
    subdomain: z.subdomain,
    agents: [{ email: z.email, name: "Demo Agent", role: "agent", apiToken: z.apiToken }],
  });
  const g = demoHelpdesks.gorgias;
  gorgias.addAccount({
    domain: g.domain,
    users: [
      { email: g.email, name: "Demo Agent", role: "agent", apiKey: g.apiKey },
      // A read-only user: its key must be refused at connection.
      { email: g.observerEmail, name: "Demo Observer", role: "observer-agent", apiKey: g.observerApiKey },
    ],
  });
}
