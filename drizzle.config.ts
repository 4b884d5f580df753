import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file: it diffs db/schema against db/migrations and
// needs no database connection. Migrations are applied by db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema",
  out: "./db/migrations",
});
