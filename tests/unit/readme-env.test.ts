/** The README documents every setting (issue 16: "the README documents every new variable"). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/paths.ts";

const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** The keys of the environment schema (app/utils/env.server.ts), read from its source. */
function schemaVariables(): string[] {
  const source = fs.readFileSync(path.join(root, "app/utils/env.server.ts"), "utf8");
  return [...source.matchAll(/^ {4}([A-Z][A-Z0-9_]+): z/gm)].map((m) => m[1]!);
}

describe("README and environment variables", () => {
  it("documents every variable of the environment schema in a table row", () => {
    const vars = schemaVariables();
    for (const v of ["OIDC_ISSUER", "OIDC_ROLE_RULES", "SMTP_HOST", "SMTP_TLS", "MAIL_FROM", "API_RATE_LIMIT_PER_MINUTE"]) expect(vars).toContain(v);
    // NODE_ENV is set by the tooling, not by whoever installs Registre.
    const undocumented = vars.filter((v) => v !== "NODE_ENV" && !new RegExp(`^\\| [^|\\n]*\`${v}\``, "m").test(readme));
    expect(undocumented).toEqual([]);
  });

  it("documents the demo's own switches, read outside the schema", () => {
    for (const v of ["DEMO_SMTP", "DEMO_PASSWORD"]) expect(readme).toMatch(new RegExp(`^\\| \`${v}\``, "m"));
  });
});
