/** npm run openapi — regenerates docs/api/openapi.json from the Zod schemas (a test checks it is current). */
import fs from "node:fs";
import path from "node:path";
import { buildOpenApiDocument } from "../schemas/openapi.ts";
import { projectRoot } from "../utils/paths.ts";

const file = path.join(projectRoot, "docs", "api", "openapi.json");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`Wrote ${path.relative(projectRoot, file)}`);
