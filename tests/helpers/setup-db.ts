import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

/** Every test file runs against its own copy of the migrated template: a real SQLite file. */
const file = path.join(inject("runDir"), `test-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(inject("templateDb"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL = "silent";

afterAll(async () => {
  const { disconnectDb } = await import("~/utils/db.server.ts");
  await disconnectDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
