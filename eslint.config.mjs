import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**", "public/widget.js"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through env() in lib/env.ts." }],
    },
  },
  {
    // User-facing text comes from messages/*.json through next-intl, never from JSX literals.
    files: ["app/**/*.tsx", "components/**/*.tsx", "lib/**/*.tsx"],
    rules: { "react/jsx-no-literals": ["error", { noStrings: false, ignoreProps: true }] },
  },
  {
    // Tooling outside the app may read the environment directly.
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "e2e/**", "*.config.*", "db/testing/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
