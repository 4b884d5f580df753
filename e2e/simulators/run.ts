// Starts both helpdesk simulators with the demo accounts: `npx tsx e2e/simulators/run.ts`.
// Ports come from ZENDESK_SIM_PORT (4010) and GORGIAS_SIM_PORT (4011).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { demoHelpdesks, seedDemoHelpdesks } from "./demo-seed";
import { startGorgiasSimulator } from "./gorgias";
import { startZendeskSimulator } from "./zendesk";

export { demoHelpdesks, seedDemoHelpdesks };

async function main(): Promise<void> {
  const zendesk = await startZendeskSimulator({ port: Number(process.env.ZENDESK_SIM_PORT || 4010) });
  const gorgias = await startGorgiasSimulator({ port: Number(process.env.GORGIAS_SIM_PORT || 4011) });
  seedDemoHelpdesks(zendesk, gorgias);
  const { zendesk: z, gorgias: g } = demoHelpdesks;
  console.log(
    [
      `Zendesk simulator: ${zendesk.baseUrl(z.subdomain)}`,
      `  ZENDESK_URL_TEMPLATE=${zendesk.urlTemplate}`,
      `  subdomain ${z.subdomain}, agent ${z.email}, API token ${z.apiToken}`,
      `  OAuth client ${z.oauthClientId} / ${z.oauthClientSecret}`,
      `Gorgias simulator: ${gorgias.baseUrl(g.domain)}`,
      `  GORGIAS_URL_TEMPLATE=${gorgias.urlTemplate}`,
      `  domain ${g.domain}, user ${g.email}, API key ${g.apiKey}`,
    ].join("\n"),
  );
  const stop = () => {
    void Promise.all([zendesk.close(), gorgias.close()]).then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// Importing this file (for seedDemoHelpdesks) must not start servers.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
