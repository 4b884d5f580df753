import { demoHelpdesks, seedDemoHelpdesks } from "../../e2e/simulators/demo-seed";
import { startGorgiasSimulator } from "../../e2e/simulators/gorgias";
import { startZendeskSimulator } from "../../e2e/simulators/zendesk";

/**
 * Starts the Zendesk and Gorgias simulators on loopback with the demo helpdesk accounts, and
 * points this process's environment (inherited by `next start`) at them: helpdesk URL templates
 * and the global Zendesk OAuth client. Only the demo and the e2e server call this; `npm start`
 * talks to the real helpdesks.
 */
export async function startDemoHelpdesks(ports: { zendesk: number; gorgias: number }) {
  const zendesk = await startZendeskSimulator({ port: ports.zendesk });
  const gorgias = await startGorgiasSimulator({ port: ports.gorgias });
  seedDemoHelpdesks(zendesk, gorgias);
  process.env.ZENDESK_URL_TEMPLATE = zendesk.urlTemplate;
  process.env.GORGIAS_URL_TEMPLATE = gorgias.urlTemplate;
  process.env.ZENDESK_OAUTH_CLIENT_ID = demoHelpdesks.zendesk.oauthClientId;
  process.env.ZENDESK_OAUTH_CLIENT_SECRET = demoHelpdesks.zendesk.oauthClientSecret;
  const { zendesk: z, gorgias: g } = demoHelpdesks;
  const summary = [
    "  Local helpdesk simulators (try the integration onboarding offline):",
    `    Zendesk  subdomain ${z.subdomain}; "Sign in with Zendesk", or API token ${z.apiToken} for ${z.email}`,
    `    Gorgias  domain ${g.domain}; user ${g.email}, API key ${g.apiKey}`,
  ];
  return { zendesk, gorgias, summary };
}
