import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { root, tmpRoot } from "./paths.ts";

declare module "vitest" {
  export interface ProvidedContext {
    runDir: string;
    templateDb: string;
  }
}

/** Migrates one template database with the real migrations; each test file gets a copy. */
export default function setup(project: TestProject) {
  // One folder per run, so concurrent runs never delete each other's databases.
  fs.mkdirSync(tmpRoot, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(tmpRoot, "run-"));
  const templateDb = path.join(runDir, "template.db");
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${templateDb}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Back to a rollback journal so the copy is a single self-contained file.
  execFileSync(process.execPath, [
    "-e",
    `const D=require(${JSON.stringify(path.join(root, "node_modules", "better-sqlite3"))});const d=new D(${JSON.stringify(templateDb)});d.pragma("journal_mode = DELETE");d.close();`,
  ]);
  project.provide("runDir", runDir);
  project.provide("templateDb", templateDb);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
