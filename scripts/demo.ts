// `npm run demo`: Baton on the embedded database with demo data, as a production server.
import path from "node:path";
import { demoAccounts, DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { issueDemoSecretKey, localOrigins } from "@/db/seed-widget";
import { startDemoMailCatcher } from "./lib/demo-mail";
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

// Email both ways, locally: Baton's outbound mail goes to the demo mail catcher (kept as .eml files
// that /demo/mailbox shows), and the web server runs the inbound SMTP receiver (embedded database)
// where the mailbox page sends the shopper's answers, to reply+<token>@inbound.demo.test.
const mailboxDir = path.resolve(process.env.DEMO_MAILBOX_DIR || path.join(process.env.BATON_DATA_DIR || ".data", "mailbox"));
const catcher = await startDemoMailCatcher({ dir: mailboxDir, port: Number(process.env.DEMO_MAIL_PORT || 1025) });
if (process.env.SMTP_URL) console.log("npm run demo keeps its mail on this machine; ignoring SMTP_URL.");
Object.assign(process.env, {
  DEMO_MAILBOX_DIR: mailboxDir,
  SMTP_URL: catcher.url,
  INBOUND_SMTP_HOST: process.env.INBOUND_SMTP_HOST || "127.0.0.1",
  INBOUND_SMTP_PORT: process.env.INBOUND_SMTP_PORT || "2525",
  BATON_INBOUND_DOMAIN: process.env.BATON_INBOUND_DOMAIN || "inbound.demo.test",
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
        `  Shoppers' mailbox: ${url}/demo/mailbox shows the email Baton sends (caught on ${catcher.url}, kept in`,
        `  ${mailboxDir}); answer there and the answer reaches Baton's SMTP receiver on port ${process.env.INBOUND_SMTP_PORT}.`,
        "",
        ...helpdesks.summary,
        "",
      ].join("\n"),
    );
  },
});
