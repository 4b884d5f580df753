// `npm run demo`: Baton on the embedded database with demo data, as a production server.
import { demoAccounts, DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { issueDemoSecretKey, localOrigins } from "@/db/seed-widget";
import { serve } from "./lib/serve";
import { startDemoHelpdesks } from "./lib/simulators";

if (process.env.DATABASE_URL) {
  console.log("npm run demo uses the embedded database; ignoring DATABASE_URL.");
  delete process.env.DATABASE_URL;
}
const port = Number(process.env.PORT || 3000);
const helpdesks = await startDemoHelpdesks({
  zendesk: Number(process.env.ZENDESK_SIM_PORT || 4010),
  gorgias: Number(process.env.GORGIAS_SIM_PORT || 4011),
});

let demoSecretKey = "";
await serve({
  port,
  prepare: async (db) => {
    const { demoStoreId } = await seedDemo(db, { widgetOrigins: localOrigins(port) });
    demoSecretKey = await issueDemoSecretKey(db, demoStoreId);
  },
  onReady: (url) => {
    const users = demoAccounts.flatMap((a) => a.members.map((m) => `    ${m.email.padEnd(18)} ${m.role.padEnd(6)} ${a.name}`));
    console.log(
      [
        "",
        `  Baton is running at ${url}`,
        "",
        `  Demo sign-ins (password "${DEMO_PASSWORD}", demo data only):`,
        ...users,
        "",
        `  Shoppers on ${url}/demo/store reach a human live while a Demo Store member is signed in and`,
        "  Available (agent@demo.test, say); otherwise they get the auto-reply and an answer by email.",
        `  Loja Demo's storefront, in Brazilian Portuguese: ${url}/demo/loja (its team: agent@loja.test).`,
        "",
        `  Demo Store's secret key for server-to-server calls such as POST ${url}/api/widget/v1/escalations`,
        `  (demo data only; a new one on every start): ${demoSecretKey}`,
        "",
        ...helpdesks.summary,
        "",
      ].join("\n"),
    );
  },
});
