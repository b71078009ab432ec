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

const ROUTE_TO_ROUTE = "A route does not import another route: move the shared code to a model, app/domain or app/http.";

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
  // Import boundaries (ADR 011, folders in ADR 016), top to bottom:
  //   routes (app/routes, app/http) -> components -> models/domain -> schemas/analysis/policies/documents/import/demo -> utils/reference/locales.
  {
    files: ["app/utils/**", "app/reference/**", "app/locales/**"],
    rules: boundary(
      ["routes", "http", "components", "models", "domain", "schemas", "analysis", "policies", "documents", "import", "demo", "cli"],
      "utils/ and reference/ are the bottom layer: they import nothing above them.",
    ),
  },
  {
    files: ["app/schemas/**", "app/analysis/**", "app/policies/**", "app/documents/**", "app/import/**", "app/demo/**"],
    rules: boundary(
      ["routes", "http", "components", "models", "domain", "cli"],
      "Schemas, analysis, policies and documents are pure: no route, request helper, component, model or domain rule.",
    ),
  },
  {
    files: ["app/models/**", "app/domain/**"],
    rules: boundary(["routes", "http", "components", "cli"], "Models and domain rules do not import routes, request helpers or components."),
  },
  {
    files: ["app/components/**"],
    rules: boundary(["routes", "http", "models", "cli"], "Components render what loaders give them: no route, request helper or model."),
  },
  {
    files: ["app/http/**"],
    rules: boundary(["routes", "components", "cli"], "Request helpers serve routes; they do not import them."),
  },
  // A route never imports another route (tests/unit/route-layers.test.ts checks it too, dynamic imports included).
  {
    files: ["app/routes/*.ts", "app/routes/*.tsx"],
    rules: boundary(["routes", "cli"], ROUTE_TO_ROUTE, [
      // Beside a flat route file, every file is another route and every folder another route's.
      { group: ["./**"], message: ROUTE_TO_ROUTE },
    ]),
  },
  {
    files: ["app/routes/*/**"],
    rules: boundary(["routes", "cli"], ROUTE_TO_ROUTE, [
      // A folder route's files import each other (sections, *.server.ts helpers), never another route's folder
      // nor their own route module.
      { group: ["../../**"], message: "Outside its folder, a route imports through the ~/ alias." },
      { group: ["../*", "../*/**", "./route", "./route.*"], message: ROUTE_TO_ROUTE },
    ]),
  },
);
