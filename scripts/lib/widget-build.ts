// Builds the embeddable widget (widget/*.ts) into public/widget.js, one minified IIFE, and holds it
// to its gzip budget: it loads on every page of a merchant's store.
import { buildSync, context, type BuildOptions } from "esbuild";
import fs from "node:fs";
import { gzipSync } from "node:zlib";

export const WIDGET_GZIP_BUDGET = 8 * 1024;
const outfile = "public/widget.js";
const options: BuildOptions = {
  entryPoints: ["widget/main.ts"],
  outfile,
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};

/** The built widget's size, raw and gzipped. */
export function widgetSize(): { bytes: number; gzipped: number } {
  const code = fs.readFileSync(outfile);
  return { bytes: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Builds public/widget.js; exits the process when the build fails or is over budget. */
export function buildWidget(): void {
  const result = buildSync(options);
  if (result.errors.length > 0) process.exit(1);
  const { gzipped } = widgetSize();
  if (gzipped > WIDGET_GZIP_BUDGET) {
    console.error(`public/widget.js is ${gzipped} bytes gzipped, over its budget of ${WIDGET_GZIP_BUDGET}`);
    process.exit(1);
  }
}

/** Rebuilds public/widget.js whenever its source changes (`npm run dev`). */
export async function watchWidget(): Promise<void> {
  await (await context(options)).watch();
}
