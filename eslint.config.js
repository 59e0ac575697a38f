// One lint configuration for every workspace. Type-aware rules are left out on purpose: `npm run
// typecheck` already runs the compiler, and type-aware linting would double the cost of CI.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      "**/.cache/**",
      "**/.local/**",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // The rules stay pure: no I/O, no environment, nothing that talks to a service (DESIGN §2).
    files: ["packages/permissions/src/**/*.ts"],
    ignores: ["packages/permissions/src/cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "http", "https", "net", "child_process"],
              message: "packages/permissions is pure: no I/O.",
            },
            {
              group: ["ioredis", "bullmq", "@lytics-access/*"],
              message: "packages/permissions depends on nothing.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "packages/permissions is pure: pass the environment in." },
        { name: "fetch", message: "packages/permissions is pure: no I/O." },
      ],
    },
  },
  {
    files: ["**/host-shell/**/*.ts", "**/browser/**/*.ts", "**/*.browser.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
