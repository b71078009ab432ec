import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createActivity, transitionActivity } from "~/models/activity.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { registerExportJsonSchema, RegisterExportSchema } from "~/schemas/register-export.ts";
import { createOrg, createUser } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";

const tsx = path.join(root, "node_modules", ".bin", "tsx");

describe("npm run export (JSON)", () => {
  it("writes the register of an organization, current or as of a date, against DATABASE_URL", async () => {
    const { org, departments } = await createOrg();
    const user = await createUser();
    const a = await createActivity(user.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Listes électorales", legalBases: [{ basis: "c", text: "Code électoral L16" }] }),
      departmentId: departments[0]!.id,
    });
    await transitionActivity(user.id, org.id, a.id, a.revision, "approve", {}, new Date("2025-03-01T12:00:00Z"));
    await createActivity(user.id, org.id, { content: ActivityContentSchema.parse({ name: "Brouillon" }), departmentId: departments[0]!.id });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-export-"));
    const out = path.join(dir, "register.json");
    execFileSync(tsx, ["app/cli/export.ts", "--org", org.slug, "--format", "json", "--out", out], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      stdio: "pipe",
    });
    const current = RegisterExportSchema.parse(JSON.parse(fs.readFileSync(out, "utf8")));
    expect(current.organization.slug).toBe(org.slug);
    expect(current.asOf).toBeNull();
    expect(current.activities.map((x) => [x.ref, x.status, x.version])).toEqual([
      ["T-0001", "APPROVED", 1],
      ["T-0002", "DRAFT", null],
    ]);

    const past = path.join(dir, "past.json");
    execFileSync(tsx, ["app/cli/export.ts", "--org", org.slug, "--format", "json", "--out", past, "--as-of", "2025-02-01"], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      stdio: "pipe",
    });
    expect(JSON.parse(fs.readFileSync(past, "utf8")).activities).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
    // Each step spawns a tsx process: seconds apiece, many more on a loaded machine.
  }, 90_000);

  it("explains bad arguments and an unknown organization, and exits non-zero", () => {
    const bad = spawnSync(tsx, ["app/cli/export.ts", "--org", "x", "--format", "json", "--out", "/tmp/x.json", "--as-of", "yesterday"], {
      cwd: root,
      env: process.env,
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--as-of must be a date");
    const unknown = spawnSync(tsx, ["app/cli/export.ts", "--org", "no-such-org", "--format", "json", "--out", "/tmp/x.json"], {
      cwd: root,
      env: process.env,
      encoding: "utf8",
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no organization with slug "no-such-org"');
  });
});

describe("docs/schemas", () => {
  it("the published JSON Schema is the one generated from the Zod schema (run npm run schemas)", () => {
    const published = JSON.parse(fs.readFileSync(path.join(root, "docs", "schemas", "register-export.schema.json"), "utf8")) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(registerExportJsonSchema())));
  });
});
