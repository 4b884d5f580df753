// The server Playwright tests run against: a production build on a fresh database (a new PGlite
// folder, or DATABASE_URL when set) with the demo data and the e2e fixtures.
import fs from "node:fs";
import path from "node:path";
import { seedDemo } from "@/db/seed";
import { localOrigins } from "@/db/seed-widget";
import { serve } from "../../scripts/lib/serve";
import { startDemoHelpdesks } from "../../scripts/lib/simulators";
import { seedE2eFixtures } from "./fixtures";

if (!process.env.DATABASE_URL) {
  const dir = path.resolve(".data", "e2e");
  fs.rmSync(dir, { recursive: true, force: true });
  process.env.BATON_DATA_DIR = dir;
}

await startDemoHelpdesks({ zendesk: Number(process.env.E2E_ZENDESK_PORT || 4110), gorgias: Number(process.env.E2E_GORGIAS_PORT || 4111) });

const port = Number(process.env.E2E_PORT || 3100);
await serve({
  port,
  prepare: async (db) => {
    await seedDemo(db, { widgetOrigins: localOrigins(port) });
    await seedE2eFixtures(db, { widgetOrigins: localOrigins(port) });
  },
});
