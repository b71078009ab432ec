/**
 * Issue 12.6: a fuzz suite. At least 10,000 generated bodies (wrong types, huge and deep arrays,
 * unicode, missing and duplicated fields, dates 0000/9999, "0x10" as a number) are posted to every
 * route action, as every role. Expected: no 5xx and no unexpected exception (which Remix would answer
 * 500), no answer slower than 1 s (a correctness bound against the freezes of issue 12.4, not a
 * benchmark), and an unchanged database wherever the input was refused (4xx).
 * FUZZ_BODIES and FUZZ_SEED override the count and the seed (a failure prints the body to replay).
 * Runtime: ~20 ms per body on a loaded 2-core machine (the handlers themselves take ~11 ms).
 */
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { createVendor } from "~/models/vendor.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser, request, signedInMember } from "../helpers/factories.ts";
import { routeModules } from "../helpers/route-files.ts";
import { call } from "./route-helpers.ts";

type Handler = (args: unknown) => Promise<unknown>;
type Route = { file: string; action: Handler; pattern: string };

const TOTAL_BODIES = Number(process.env.FUZZ_BODIES ?? 10_000);
const ROLES = ["ADMIN", "DPO", "EDITOR", "VIEWER", "ANONYMOUS"] as const;

/** Field names the forms use, plus Conform paths with indices (some far out of range). */
const NAMES = [
  "intent",
  "revision",
  "version",
  "name",
  "email",
  "password",
  "currentPassword",
  "newPassword",
  "confirm",
  "role",
  "departmentId",
  "departmentIds",
  "country",
  "region",
  "city",
  "status",
  "transition",
  "comment",
  "locale",
  "redirectTo",
  "id",
  "ref",
  "serviceId",
  "siteId",
  "linkId",
  "locationId",
  "membershipId",
  "expiresAt",
  "from",
  "to",
  "format",
  "scope",
  "public",
  "sha256",
  "upload",
  "username",
  "passphrase",
  "dpaStatus",
  "dpaSignedAt",
  "content.name",
  "content.description",
  "content.purposes.main",
  "content.legalBases[0].basis",
  "content.dataCategories[0].category",
  "content.transfers[0].country",
  "content.dataSubjects[0].estimatedCount",
  "content.nextReviewAt",
  "risks.access.severity",
  "risks.access.likelihood",
  "actionPlan[0].action",
  "actionPlan[0].dueDate",
  "secNumCloudQualified",
  "secNumCloudDate",
  "validator",
  "dpoName",
  "canProceed",
  "criteria",
  "answers.211.text",
];

const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "0x10",
    "1e309",
    "-1",
    "NaN",
    "Infinity",
    "null",
    "true",
    "[]",
    "{}",
    "0000-01-01",
    "9999-12-31",
    "2024-02-30",
    "T-0001",
    "ADMIN",
    "fr",
    "en",
    "<script>",
    "\u0000",
    "\u202e",
    "a".repeat(5000),
  ),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double().map(String),
);

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom("content.purposes.sub", "actionPlan", "content.dataCategories", "measures", "departmentIds"),
        fc.integer({ min: 0, max: 300_000 }),
        fc.constantFrom("", ".action", ".measure", ".category", "[0][1]"),
      )
      .map(([a, i, s]) => `${a}[${i}]${s}`),
  },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("a", "b", "content", "[0]", "[99999]"), { minLength: 1, maxLength: 12 }).map((p) => p.join(".")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A body: fields in any order, duplicated, missing; sometimes a huge flat array. */
const body = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(name, value), { maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => Array.from({ length: n }, (_, i): [string, string] => [`content.purposes.sub[${i}]`, "x"])),
  },
);

function routeFiles(): Route[] {
  return routeModules()
    .filter((r) => /export (async )?function action|export const action/.test(fs.readFileSync(r.file, "utf8")))
    .map((r) => ({ file: r.file, action: null as unknown as Handler, pattern: r.id }));
}

function urlOf(pattern: string, p: Record<string, string>): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segs = pattern
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => {
      if (!s.startsWith("$")) return s.replace(/\[|\]/g, "");
      const key = s.slice(1);
      params[key] = p[key] ?? "x";
      return params[key]!;
    });
  return { url: `/${segs.join("/")}`, params };
}

/** Rows of the domain tables and their last change: equal before and after a refused request. */
async function fingerprint(): Promise<string> {
  const rows = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT (SELECT count(*) FROM "Activity") a, (SELECT max(updatedAt) FROM "Activity") au, (SELECT count(*) FROM "ActivityVersion") av,
            (SELECT count(*) FROM "Vendor") v, (SELECT max(updatedAt) FROM "Vendor") vu, (SELECT count(*) FROM "Department") d,
            (SELECT count(*) FROM "Membership") m, (SELECT group_concat(role) FROM "Membership") mr, (SELECT count(*) FROM "Organization") o,
            (SELECT count(*) FROM "Service") s, (SELECT count(*) FROM "HostingSite") h, (SELECT count(*) FROM "Invitation") i`,
  );
  return JSON.stringify(rows[0], (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
}

describe("fuzzing every form action as every role (issue 12.6)", () => {
  const routes = routeFiles();
  const cookies: Partial<Record<(typeof ROLES)[number], string>> = {};
  const p: Record<string, string> = {};

  beforeAll(async () => {
    for (const r of routes) r.action = ((await import(r.file)) as { action: Handler }).action;
    const { org } = await createOrg();
    const deps = await listDepartments(org.id);
    const author = await createUser();
    const a = await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name: "Cantine" }), departmentId: deps[0]!.id });
    const v = await createVendor(author.id, org.id, { name: "Hébergeur", country: "FR" } as Parameters<typeof createVendor>[2]);
    Object.assign(p, { org: org.slug, slug: org.slug, ref: a.ref, vendorId: v.id, id: "x", token: "tok", step: "1", number: "1" });
    for (const role of ROLES) if (role !== "ANONYMOUS") cookies[role] = (await signedInMember(org.id, role, role === "EDITOR" ? [deps[0]!.id] : [])).cookie;
  }, 120_000);

  it(`${TOTAL_BODIES} bodies: no 5xx, none slower than 1 s, nothing written when refused`, async () => {
    const failures: string[] = [];
    let sent = 0;
    const perRoute = Math.ceil(TOTAL_BODIES / routes.length);
    for (const r of routes) {
      const { url, params } = urlOf(r.pattern, p);
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom(...ROLES), async (fields, role) => {
          // Let the event loop breathe (vitest's worker RPC): handlers can resolve without ever reaching I/O.
          await new Promise((r) => setImmediate(r));
          const encoded = new URLSearchParams(fields).toString();
          const before = await fingerprint();
          const req = request(url, { method: "POST", cookie: cookies[role], headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: encoded });
          const started = performance.now();
          let status: number;
          try {
            status = (await call(r.action, req, params)).status;
          } catch (e) {
            failures.push(`${r.pattern} as ${role}: threw ${(e as Error).message} for ${encoded.slice(0, 200)}`);
            return;
          } finally {
            sent++;
          }
          const ms = performance.now() - started;
          if (status >= 500) failures.push(`${r.pattern} as ${role}: ${status} for ${encoded.slice(0, 200)}`);
          if (ms > 1000) failures.push(`${r.pattern} as ${role}: ${Math.round(ms)} ms for ${encoded.slice(0, 200)}`);
          if (status >= 400 && (await fingerprint()) !== before)
            failures.push(`${r.pattern} as ${role}: ${status} but the database changed, for ${encoded.slice(0, 200)}`);
        }),
        { numRuns: perRoute, seed: Number(process.env.FUZZ_SEED ?? 20261202) },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(TOTAL_BODIES);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);
});
