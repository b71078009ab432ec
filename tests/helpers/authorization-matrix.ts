import { expect } from "vitest";
import type { Role } from "~/policies/index.ts";
import { getDb } from "~/utils/db.server.ts";
import { request } from "./factories.ts";

type Handler = (args: { request: Request; params: Record<string, string>; context: { cspNonce: string; clientIp: string | null } }) => Promise<unknown>;

export type Who = Role | "ANONYMOUS" | "OUTSIDER";

/** What a handler answered: its status, its data (loader/action data or a Response's text) and where it redirects. */
export type CellOutcome = { status: number; data: unknown; text: string | null; location: string | null };

/**
 * One row of the authorization matrix: a route (loader or action) and, for each kind of caller,
 * the status expected. Later issues add rows for their routes.
 *
 * A status alone only proves the handler did not throw, so every cell is also checked for what it did:
 * - a refused cell (4xx, or a redirect to the login) wrote nothing: no table changed;
 * - an allowed cell (2xx, or any other redirect) passes `shows` when the row has one, else its answer
 *   must mention the organization (its slug, or a link into it), which an error or another
 *   organization's page would not; an allowed POST must have written (an audit event or a row), unless
 *   the row says `writes: false`.
 */
export type MatrixRow = {
  name: string;
  handler: Handler;
  method?: "GET" | "POST";
  path: (orgSlug: string) => string;
  params: (orgSlug: string) => Record<string, string>;
  body?: () => FormData;
  expect: Partial<Record<Who, number>>;
  /** Checks an allowed cell's answer; returns a failure message, or null when it shows what it should. */
  shows?: (outcome: CellOutcome, who: Who, orgSlug: string) => string | null | Promise<string | null>;
  /** `false`: an allowed POST that answers without writing (a confirmation step, a preview); `true`: a GET that records itself (an export in the export log). */
  writes?: boolean;
};

/** Runs a handler and reduces whatever it returns or throws to an HTTP status, its data and its redirect. */
export async function outcomeOf(handler: Handler, req: Request, params: Record<string, string>): Promise<CellOutcome> {
  let res: unknown;
  try {
    res = await handler({ request: req, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    res = thrown;
  }
  if (res instanceof Response) {
    const text = res.body ? await res.clone().text() : null;
    let data: unknown = null;
    if (res.headers.get("Content-Type")?.includes("json") && text) data = JSON.parse(text);
    return { status: res.status, data, text, location: res.headers.get("Location") };
  }
  if (res && typeof res === "object" && "init" in res && "data" in res) {
    const r = res as { data: unknown; init: { status?: number } | null };
    return { status: r.init?.status ?? 200, data: r.data, text: null, location: null };
  }
  return { status: 200, data: res, text: null, location: null };
}

/** Runs a handler and reduces whatever it returns or throws to an HTTP status. */
export async function statusOf(handler: Handler, req: Request, params: Record<string, string>): Promise<number> {
  return (await outcomeOf(handler, req, params)).status;
}

/** Sessions and login throttles change on every signed-in request; every other table is the register's data. */
const VOLATILE_TABLES = new Set(["Session", "LoginThrottle"]);

/** Row counts of every table and the last audit sequence: any write changes one of them (writes are audited, ADR 009). */
export async function dbFingerprint(): Promise<string> {
  const db = getDb();
  const tables = (
    await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name`,
    )
  ).filter((t) => !VOLATILE_TABLES.has(t.name));
  const counts = await db.$queryRawUnsafe<{ t: string; n: bigint | number }[]>(
    tables.map((t) => `SELECT '${t.name}' AS t, count(*) AS n FROM "${t.name}"`).join(" UNION ALL "),
  );
  const lastAudit = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return JSON.stringify({ counts: counts.map((c) => `${c.t}:${String(c.n)}`), lastAudit });
}

const refused = (o: CellOutcome) => o.status >= 400 || (o.location ?? "").startsWith("/login");

/** The default check of an allowed cell: its answer names the organization it was asked about. */
function mentionsOrganization(o: CellOutcome, orgSlug: string): string | null {
  const seen = `${JSON.stringify(o.data ?? null)} ${o.text ?? ""} ${o.location ?? ""}`;
  return seen.includes(orgSlug) ? null : `the answer does not mention the organization ${orgSlug}`;
}

export async function checkMatrix(rows: MatrixRow[], callers: Record<Who, { cookie?: string }>, orgSlug: string) {
  const failures: string[] = [];
  for (const row of rows) {
    for (const [who, expected] of Object.entries(row.expect) as [Who, number][]) {
      const req = request(row.path(orgSlug), {
        method: row.method ?? "GET",
        cookie: callers[who].cookie,
        body: row.method === "POST" ? row.body?.() : undefined,
      });
      const before = await dbFingerprint();
      const got = await outcomeOf(row.handler, req, row.params(orgSlug));
      const after = await dbFingerprint();
      const cell = `${row.name} as ${who}`;
      if (got.status !== expected) {
        failures.push(`${cell}: expected ${expected}, got ${got.status}`);
        continue;
      }
      if (refused(got)) {
        if (after !== before) failures.push(`${cell}: refused with ${got.status} but the database changed`);
        continue;
      }
      const shown = row.shows ? await row.shows(got, who, orgSlug) : mentionsOrganization(got, orgSlug);
      if (shown) failures.push(`${cell}: ${shown}`);
      if (row.method === "POST" && row.writes !== false && after === before) failures.push(`${cell}: allowed, but nothing was written`);
      if ((row.method ?? "GET") === "GET" && row.writes !== true && after !== before) failures.push(`${cell}: a page view changed the database`);
      if ((row.method ?? "GET") === "GET" && row.writes === true && after === before) failures.push(`${cell}: allowed, but nothing was recorded`);
    }
  }
  expect(failures).toEqual([]);
}

/** A `shows` check: the allowed answer (data, body or redirect) contains every needle and none of `hidden`. */
export function mentions(needles: (string | (() => string))[], hidden: (string | (() => string))[] = []) {
  return (o: CellOutcome): string | null => {
    const seen = `${JSON.stringify(o.data ?? null)} ${o.text ?? ""} ${o.location ?? ""}`;
    const v = (n: string | (() => string)) => (typeof n === "function" ? n() : n);
    const missing = needles.map(v).filter((n) => !seen.includes(n));
    const leaked = hidden.map(v).filter((n) => seen.includes(n));
    return missing.length || leaked.length ? `missing ${JSON.stringify(missing)}, leaked ${JSON.stringify(leaked)}` : null;
  };
}
