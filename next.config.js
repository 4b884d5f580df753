import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // rate-limiter-flexible loads its store drivers (drizzle-orm, ioredis) with run-time imports.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible", "ioredis"],
  poweredByHeader: false,
  // `npm run typecheck` (a step of `npm test`) checks the whole repo; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx when a member lacks the role a page needs.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
