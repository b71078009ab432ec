// ESLint 9 flat config. Layers and the import-boundary rule are described in docs/decisions/011.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import patterns of each layer, by alias and by relative path. */
const layer = (dir) => [`~/${dir}/**`, `../${dir}/**`, `../../${dir}/**`];
const boundary = (forbidden, message, extra = []) => ({
  "@typescript-eslint/no-restricted-imports": [
    "error",
    // Type-only imports vanish at build time and create no runtime dependency.
    { patterns: [{ group: forbidden.flatMap(layer), message, allowTypeImports: true }, ...extra] },
  ],
});

/**
 * Files still in utils/ that belong to a higher layer; ADR 011 lists their move.
 * Request helpers read the session and load records for routes (routes layer);
 * domain rules sit beside the models.
 */
const REQUEST_HELPERS = [
  "app/utils/auth.server.ts",
  "app/utils/session.server.ts",
  "app/utils/activity-access.server.ts",
  "app/utils/activity-sovereignty.server.ts",
  "app/utils/breach-access.server.ts",
  "app/utils/request-access.server.ts",
  "app/utils/portfolio-access.server.ts",
  "app/utils/body-limits.server.ts",
  "app/utils/api.server.ts",
  "app/utils/domain-errors.server.ts",
];
const DOMAIN_IN_UTILS = [
  "app/utils/activity-rules.ts",
  "app/utils/activity-diff.ts",
  "app/utils/activity-workflow.ts",
  "app/utils/permissions.ts",
  "app/utils/guided.ts",
  "app/utils/prefilled.ts",
  "app/utils/register-query.ts",
  "app/utils/template-search.ts",
  "app/utils/templates.server.ts",
];

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", ".cache/**", "app/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "tests/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // Scrolling tables are focusable regions (axe: scrollable-region-focusable), so keyboard users can scroll them.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
    },
  },
  // Import boundaries: routes -> models/domain -> schemas/analysis/policies -> utils/reference.
  {
    files: ["app/utils/**", "app/reference/**", "app/locales/**"],
    ignores: [...REQUEST_HELPERS, ...DOMAIN_IN_UTILS],
    rules: boundary(
      ["routes", "components", "models", "schemas", "analysis", "policies", "documents", "import", "demo", "cli"],
      "utils/ and reference/ are the bottom layer: they import nothing above them.",
    ),
  },
  {
    files: ["app/schemas/**", "app/analysis/**", "app/policies/**", "app/documents/**", "app/import/**", "app/demo/**"],
    rules: boundary(["routes", "components", "models", "cli"], "Schemas, analysis, policies and documents are pure: no route, component or model."),
  },
  {
    files: ["app/models/**", ...DOMAIN_IN_UTILS],
    rules: boundary(["routes", "components", "cli"], "Models and domain rules do not import routes or components."),
  },
  {
    files: ["app/components/**"],
    rules: boundary(["routes", "models", "cli"], "Components render what loaders give them: no route, no model."),
  },
  {
    files: REQUEST_HELPERS,
    rules: boundary(["routes", "components", "cli"], "Request helpers serve routes; they do not import them."),
  },
  {
    files: ["app/routes/**"],
    rules: boundary(["routes", "cli"], "A route does not import another route: move the shared code to a model or a *.server.ts helper.", [
      // Beside a flat route file, every .ts/.tsx file is another route.
      {
        group: ["./*.ts", "./*.tsx", "!./*.server.ts"],
        message: "A route does not import another route: move the shared code to a model or a *.server.ts helper.",
      },
    ]),
  },
);
