import { execFileSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../utils/paths.ts";

/** `prisma migrate deploy` through the JS engine: no binary download, idempotent. */
export function applyMigrations(databaseUrl: string) {
  execFileSync(path.join(projectRoot, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
