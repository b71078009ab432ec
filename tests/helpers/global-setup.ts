import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, templateDb, tmpDir } from "./paths.ts";

/** Migrates one template database with the real migrations; each test file gets a copy. */
export default function setup() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${templateDb}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A checkpoint so the copy holds every table without the WAL file.
  execFileSync(process.execPath, ["-e", `const D=require(${JSON.stringify(path.join(root, "node_modules", "better-sqlite3"))});const d=new D(${JSON.stringify(templateDb)});d.pragma("journal_mode = DELETE");d.close();`]);
  return () => fs.rmSync(tmpDir, { recursive: true, force: true });
}
