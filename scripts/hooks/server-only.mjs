// Lets Node processes outside Next.js (the worker, seeds, demo, bench, e2e helpers) load modules
// marked `import "server-only"`: that package throws unless resolved with the "react-server"
// condition, which Next.js sets for server code and this hook sets for that one specifier only.
// Use: node --import ./scripts/hooks/server-only.mjs (tsx passes the flag through).
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        return specifier === "server-only" ? next(specifier, { ...context, conditions: [...context.conditions, "react-server"] }) : next(specifier, context);
      }`,
    ),
  import.meta.url,
);
