/**
 * npm run import -- --org <slug> --file <register.xlsx|.csv|.json> [--dry-run] [--as <member email>]
 *                   [--map <column number>=<field|ignore>]...
 * Prints a report (rows, creates, updates, errors and warnings per row, in English). Writes everything
 * in one transaction, or nothing: exits 1 without writing when the file or any row is invalid.
 * --dry-run never writes. Honours DATABASE_URL like every command. Without --as, the import is
 * recorded as the system's (like a CLI export). Column numbers in --map start at 1, as in a spreadsheet.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "./run.ts";

const ArgsSchema = z.object({
  org: z.string({ error: "--org <slug> is required" }).min(1, "--org <slug> is required"),
  file: z.string({ error: "--file <path> is required" }).min(1, "--file <path> is required"),
  "dry-run": z.boolean().default(false),
  as: z.email({ error: "--as must be the email address of a member" }).optional(),
  map: z.array(z.string().regex(/^\d{1,3}=[A-Za-z0-9]+$/, "--map must look like 3=mainPurpose (column number = field, or ignore)")).default([]),
});

async function main(): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        org: { type: "string" },
        file: { type: "string" },
        "dry-run": { type: "boolean" },
        as: { type: "string" },
        map: { type: "string", multiple: true },
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
  const { isMappableField } = await import("../import/headers.ts");
  const mapping: Record<number, string> = {};
  for (const m of args.map) {
    const [col, field] = m.split("=") as [string, string];
    if (Number(col) < 1 || (field !== "ignore" && !isMappableField(field))) {
      console.error(`error: --map ${m}: unknown column or field`);
      return 2;
    }
    mapping[Number(col) - 1] = field;
  }

  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`error: no file ${file}`);
    return 1;
  }
  const { IMPORT_LIMITS, ImportFileError } = await import("../import/limits.ts");
  const { translate } = await import("../utils/messages.server.ts");
  type Msg = { key: Parameters<typeof translate>[1]; params?: Record<string, string | number>; path?: string };
  const en = (m: Msg) => `${m.path ? `${m.path}: ` : ""}${translate("en", m.key, m.params)}`;
  if (fs.statSync(file).size > IMPORT_LIMITS.maxBytes) {
    console.error(`error: ${translate("en", "errors.import.tooLarge", { max: Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024) })}`);
    return 1;
  }
  const bytes = new Uint8Array(fs.readFileSync(file));

  const { getOrganizationBySlug } = await import("../models/organization.server.ts");
  const { previewImport, commitImport, ImportHasErrorsError } = await import("../models/import.server.ts");
  const { dbReady, getDb } = await import("../utils/db.server.ts");
  await dbReady();
  const org = await getOrganizationBySlug(args.org);
  if (!org) {
    console.error(`error: no organization with slug "${args.org}"`);
    return 1;
  }
  let actorId: string | null = null;
  if (args.as) {
    const member = await getDb().membership.findFirst({
      where: { organizationId: org.id, user: { email: args.as.toLowerCase() } },
      select: { userId: true },
    });
    if (!member) {
      console.error(`error: ${args.as} is not a member of "${args.org}"`);
      return 1;
    }
    actorId = member.userId;
  }

  let preview;
  try {
    preview = await previewImport(org.id, bytes, mapping as Parameters<typeof previewImport>[2]);
  } catch (err) {
    if (err instanceof ImportFileError) {
      console.error(`error: ${path.basename(file)}: ${en(err)}`);
      console.log("Nothing was written.");
      return 1;
    }
    throw err;
  }

  const c = preview.counts;
  const where = [
    preview.format,
    preview.encoding,
    preview.separator ? `separator ${JSON.stringify(preview.separator)}` : null,
    preview.sheet ? `sheet "${preview.sheet}"` : null,
    preview.headerRow ? `header row ${preview.headerRow}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  console.log(`Import of ${path.basename(file)} into "${org.name}" (${where})`);
  const recognised = preview.columns.filter((col) => col.field && !col.informational).length;
  if (preview.columns.length)
    console.log(
      `Columns: ${preview.columns.length}, ${recognised} imported, ${preview.unmatched.length} not recognised${preview.unmatched.length ? `: ${preview.unmatched.map((u) => `${u.index + 1} "${u.header}"`).join(", ")}` : ""}`,
    );
  console.log(
    `Rows: ${c.rows} — ${c.create} to create, ${c.update} to update, ${c.newDraft} new draft(s) of approved or submitted activities, ${c.unchanged} unchanged; ${c.errors} with errors, ${c.warnings} with warnings`,
  );
  for (const m of preview.fileErrors) console.log(`File error: ${en(m)}`);
  for (const m of preview.fileWarnings) console.log(`File warning: ${en(m)}`);
  for (const r of preview.rows) {
    if (r.errors.length === 0 && r.warnings.length === 0) continue;
    const action = r.action ? `${r.action}${r.target ? ` ${r.target.ref}` : ""}` : "not imported";
    console.log(`Row ${r.rowNumber}${r.sourceRef ? ` (${r.sourceRef})` : ""} "${r.name ?? ""}": ${action}`);
    for (const m of r.errors) console.log(`  error: ${en(m)}`);
    for (const m of r.warnings) console.log(`  warning: ${en(m)}`);
  }
  if (!preview.canCommit) {
    console.error(`error: ${c.rows === 0 ? translate("en", "errors.import.empty") : translate("en", "errors.import.hasErrors")}`);
    return 1;
  }
  if (args["dry-run"]) {
    console.log("Dry run: nothing was written.");
    return 0;
  }
  try {
    const result = await commitImport(actorId, org.id, preview);
    console.log(`Written: ${result.created} created, ${result.updated} updated, ${result.newDrafts} new draft(s), ${result.unchanged} unchanged.`);
    const k = result.catalogue;
    if (k && Object.values(k).some((n) => n > 0))
      console.log(
        `Vendor catalogue added — vendors: ${k.vendors}, services: ${k.services}, locations: ${k.locations}, own sites: ${k.sites}, links: ${k.links}.`,
      );
    return 0;
  } catch (err) {
    if (err instanceof ImportHasErrorsError) {
      console.error(`error: ${translate("en", "errors.import.hasErrors")}`);
      return 1;
    }
    throw err;
  }
}

await runCli(main);
