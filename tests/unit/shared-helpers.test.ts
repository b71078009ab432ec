/**
 * Issue 13 extracted pieces that were copied from file to file; this keeps them single (ADR 011, 016, 017).
 * Each rule names a pattern that only its helper's own file may hold. The scan reads every source file of app/
 * (not the generated Prisma client), and each rule also checks that the pattern is found in the helper itself,
 * so a pattern that no longer matches anything fails instead of passing silently.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/paths.ts";

const appDir = path.join(root, "app");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" && dir === appDir ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const files = sourceFiles(appDir).map((f) => ({ rel: path.relative(root, f).split(path.sep).join("/"), text: fs.readFileSync(f, "utf8") }));

/** The files of app/ whose text matches `pattern`. */
const holders = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.rel);

const RULES: { what: string; pattern: RegExp; only: string }[] = [
  { what: "Content-Disposition headers (fileResponse)", pattern: /Content-Disposition/i, only: "app/utils/file-response.server.ts" },
  { what: "the content-disposition package", pattern: /from "content-disposition"/, only: "app/utils/file-response.server.ts" },
  { what: "the cookie package", pattern: /from "cookie"/, only: "app/utils/cookies.server.ts" },
  { what: "the blank() preprocessor", pattern: /(const|function) blank\b/, only: "app/utils/validation.ts" },
  { what: "Prisma's SQLite DateTime text for raw SQL", pattern: /replace\("Z", "\+00:00"\)/, only: "app/utils/db.server.ts" },
  { what: "raw-row date readers", pattern: /instanceof Date \? \w+ : new Date\(/, only: "app/utils/db.server.ts" },
  { what: "list editors (Conform insert buttons)", pattern: /\.insert\.getButtonProps\(/, only: "app/components/list-editor.tsx" },
  { what: "breadcrumb navigations", pattern: /aria-label=\{t\("ui\.breadcrumb"\)\}/, only: "app/components/breadcrumbs.tsx" },
  { what: "department filter menus", pattern: /<select name="department"/, only: "app/components/department-field.tsx" },
];

describe("one copy of each shared helper", () => {
  it("scans the source of app/", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.some((f) => f.rel.startsWith("app/generated/"))).toBe(false);
  });

  it.each(RULES)("$what: only in $only", ({ pattern, only }) => {
    expect(holders(pattern)).toEqual([only]);
  });

  it('no Cookie header is split by hand (the cookie package parses it): the only splits on ";" are not cookies', () => {
    expect(holders(/\.split\(";"\)/)).toEqual([
      "app/import/normalize.ts", // a spreadsheet cell listing several values
      "app/utils/i18n.ts", // Accept-Language's ";q=" weights
      "app/utils/oidc.server.ts", // OIDC_ROLE_RULES, one rule per ";"
    ]);
  });

  it("every Content-Disposition comes from fileResponse(): the download routes call it", () => {
    const callers = holders(/fileResponse\(/).filter((f) => f.startsWith("app/routes/"));
    for (const route of ["o.$org.breaches.export.ts", "o.$org.breaches.$ref.draft.ts", "o.$org.requests.$ref.letter.ts", "o.$org.audit[.]csv.ts"]) {
      expect(callers).toContain(`app/routes/${route}`);
    }
  });

  it("pdfkit is pinned exactly (documents/layout.ts reaches into its internals)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pdfkit).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
