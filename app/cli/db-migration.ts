/**
 * npm run db:migration -- <name> [--from <git-ref>]
 * `prisma migrate dev` needs a shadow database the driver adapter cannot provide, so a new migration
 * is the diff between the schema at a git ref (HEAD by default) and the working schema.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { projectRoot } from "../utils/paths.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string", default: "HEAD" } },
});
const name = z
  .string()
  .regex(/^[a-z0-9_]+$/, "the migration name uses a-z, 0-9 and _ only")
  .parse(positionals[0]);

const schemaPath = "prisma/schema.prisma";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "registre-migration-"));
const previous = path.join(tmp, "previous.prisma");
let hasPrevious = true;
try {
  fs.writeFileSync(previous, execFileSync("git", ["show", `${values.from}:${schemaPath}`], { cwd: projectRoot }));
} catch {
  hasPrevious = false;
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(projectRoot, "prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
const out = path.join(dir, "migration.sql");
const from = hasPrevious ? ["--from-schema-datamodel", previous] : ["--from-empty"];
execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script", "--output", out], {
  cwd: projectRoot,
  stdio: "inherit",
});
const sql = fs.readFileSync(out, "utf8");
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  fs.rmSync(dir, { recursive: true });
  console.log("No schema change: no migration written.");
} else {
  console.log(`Wrote ${path.relative(projectRoot, out)}. Add hand-written SQL (triggers, FTS) below the generated part if needed.`);
}
fs.rmSync(tmp, { recursive: true, force: true });
