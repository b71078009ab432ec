/** Serves the built app on an empty database, for the first-run test. */
import fs from "node:fs";
import { getEnv } from "../../app/utils/env.server.ts";
import { serve } from "../../app/cli/serve.ts";

const env = getEnv();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(env.databaseFile + suffix, { force: true });
await serve();
