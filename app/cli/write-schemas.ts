/** npm run schemas — regenerates docs/schemas/ from the Zod schemas (a test checks they are current). */
import fs from "node:fs";
import path from "node:path";
import { registerExportJsonSchema } from "../schemas/register-export.ts";
import { projectRoot } from "../utils/paths.ts";

const file = path.join(projectRoot, "docs", "schemas", "register-export.schema.json");
fs.writeFileSync(file, `${JSON.stringify(registerExportJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${path.relative(projectRoot, file)}`);
