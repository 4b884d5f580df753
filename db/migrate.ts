// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded PGlite.
import { openConfiguredDatabase } from "@/db/client";

const handle = await openConfiguredDatabase();
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
