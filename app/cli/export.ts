/**
 * npm run export -- --org <slug> --format pdf|csv|xlsx|json|jsonld --out <file>
 *                   [--lang fr|en] [--as-of YYYY-MM-DD] [--scope controller|processor|all]
 *                   [--ref T-0001 (with --format pdf: the one-activity sheet)] [--separator comma|semicolon]
 * npm run export -- --org <slug> --dpia T-0001 --format pdf|pia-json --out <file> [--lang fr|en]
 *                   (the activity's DPIA: PDF, or the JSON of the CNIL PIA tool)
 * Honours DATABASE_URL like every command, so it can run against the demo database while it is served.
 * Every export is recorded in the export log, as from the UI.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "./run.ts";

const ArgsSchema = z.object({
  org: z.string({ error: "--org <slug> is required" }).min(1, "--org <slug> is required"),
  format: z
    .enum(["pdf", "csv", "xlsx", "json", "jsonld", "pia-json"], { error: "--format must be one of pdf, csv, xlsx, json, jsonld (with --dpia: pdf, pia-json)" })
    .default("json"),
  out: z.string({ error: "--out <file> is required" }).min(1, "--out <file> is required"),
  lang: z.enum(["fr", "en"], { error: "--lang must be fr or en" }).optional(),
  "as-of": z.iso.date({ error: "--as-of must be a date YYYY-MM-DD" }).optional(),
  scope: z.enum(["controller", "processor", "all"], { error: "--scope must be controller, processor or all" }).default("all"),
  ref: z
    .string()
    .regex(/^T-\d{4,}$/, "--ref must look like T-0001")
    .optional(),
  dpia: z
    .string()
    .regex(/^T-\d{4,}$/, "--dpia must look like T-0001")
    .optional(),
  separator: z.enum(["comma", "semicolon"], { error: "--separator must be comma or semicolon" }).default("comma"),
});

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        org: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        lang: { type: "string" },
        "as-of": { type: "string" },
        scope: { type: "string" },
        ref: { type: "string" },
        dpia: { type: "string" },
        separator: { type: "string" },
      },
      strict: true,
    }));
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: ${issue.message}`);
    return 2;
  }
  const args = parsed.data;
  if (args.dpia && args.format !== "pdf" && args.format !== "pia-json") {
    console.error("error: with --dpia, --format must be pdf or pia-json");
    return 2;
  }
  if (!args.dpia && args.format === "pia-json") {
    console.error("error: --format pia-json needs --dpia T-0001");
    return 2;
  }
  if (args.dpia && args.ref) {
    console.error("error: use either --dpia or --ref");
    return 2;
  }
  const { getOrganizationBySlug } = await import("../models/organization.server.ts");
  const { createExport, UnknownActivityError } = await import("../models/exports.server.ts");
  const { dbReady } = await import("../utils/db.server.ts");
  await dbReady();
  const org = await getOrganizationBySlug(args.org);
  if (!org) {
    console.error(`error: no organization with slug "${args.org}"`);
    return 1;
  }
  const format = args.dpia ? (args.format === "pdf" ? "dpia-pdf" : "pia-json") : args.format === "pdf" && args.ref ? "activity-pdf" : args.format;
  const ref = args.dpia ?? args.ref;
  const locale = args.lang ?? (org.defaultLocale === "en" ? "en" : "fr");
  try {
    const { record, bytes } = await createExport(
      org.id,
      null,
      { format, locale, scope: args.scope, asOf: args["as-of"], departments: null, ref, separator: args.separator === "semicolon" ? ";" : "," },
      "cli",
    );
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, bytes);
    console.log(`Wrote ${format} export of "${org.name}" to ${out} (${bytes.byteLength} bytes, sha256 ${record.sha256})`);
    return 0;
  } catch (err) {
    if (err instanceof UnknownActivityError) {
      console.error(args.dpia ? `error: no DPIA for activity ${args.dpia} in "${args.org}"` : `error: no activity ${args.ref} in "${args.org}"`);
      return 1;
    }
    throw err;
  }
}

await runCli(main);
