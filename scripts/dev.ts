// `npm run dev`: the development server, with generated secrets and the demo data seeded.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureSecrets } from "./lib/secrets";
import { watchWidget } from "./lib/widget-build";

const dataDir = path.resolve(process.env.BATON_DATA_DIR || ".data");
process.env.BATON_DATA_DIR = dataDir;
ensureSecrets(dataDir);
const { openConfiguredDatabase } = await import("@/db/client");
const { seedDemo } = await import("@/db/seed");
const handle = await openConfiguredDatabase();
await seedDemo(handle.db, { widgetOrigins: (await import("@/db/seed-widget")).localOrigins(Number(process.env.PORT || 3000)) });
await handle.close();
await watchWidget();
const server = spawn("npx", ["next", "dev"], { stdio: "inherit", env: process.env });
server.on("exit", (code) => process.exit(code ?? 0));
