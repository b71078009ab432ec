/**
 * npm run export -- --org <slug> --format json --out <file> [--as-of YYYY-MM-DD]
 * Honours DATABASE_URL like every command, so it can run against the demo database while it is served.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const ArgsSchema = z.object({
  org: z.string().min(1, "--org <slug> is required"),
  format: z.enum(["json"], { error: "--format must be json (other formats come with the exports issue)" }).default("json"),
  out: z.string().min(1, "--out <file> is required"),
  "as-of": z.iso.date({ error: "--as-of must be a date YYYY-MM-DD" }).optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { org: { type: "string" }, format: { type: "string" }, out: { type: "string" }, "as-of": { type: "string" } },
    strict: true,
  });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: ${issue.message}`);
    return 2;
  }
  const args = parsed.data;
  const { getOrganizationBySlug } = await import("../models/organization.server.ts");
  const { buildRegisterExport } = await import("../models/register-export.server.ts");
  const { disconnectDb, dbReady } = await import("../utils/db.server.ts");
  try {
    await dbReady();
    const org = await getOrganizationBySlug(args.org);
    if (!org) {
      console.error(`error: no organization with slug "${args.org}"`);
      return 1;
    }
    const data = await buildRegisterExport(org.id, { asOf: args["as-of"] });
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
    console.log(`Wrote ${data.activities.length} activities of "${org.name}" to ${out}`);
    return 0;
  } finally {
    await disconnectDb();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
