import { expect } from "vitest";
import type { Role } from "~/policies/index.ts";
import { request } from "./factories.ts";

type Handler = (args: { request: Request; params: Record<string, string>; context: { cspNonce: string; clientIp: string | null } }) => Promise<unknown>;

export type Who = Role | "ANONYMOUS" | "OUTSIDER";

/**
 * One row of the authorization matrix: a route (loader or action) and, for each kind of caller,
 * the status expected. Later issues add rows for their routes.
 */
export type MatrixRow = {
  name: string;
  handler: Handler;
  method?: "GET" | "POST";
  path: (orgSlug: string) => string;
  params: (orgSlug: string) => Record<string, string>;
  body?: () => FormData;
  expect: Partial<Record<Who, number>>;
};

/** Runs a handler and reduces whatever it returns or throws to an HTTP status. */
export async function statusOf(handler: Handler, req: Request, params: Record<string, string>): Promise<number> {
  try {
    const res = await handler({ request: req, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (res instanceof Response) return res.status;
    if (res && typeof res === "object" && "init" in res && (res as { init?: { status?: number } }).init?.status) {
      return (res as { init: { status: number } }).init.status;
    }
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
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
      const got = await statusOf(row.handler, req, row.params(orgSlug));
      if (got !== expected) failures.push(`${row.name} as ${who}: expected ${expected}, got ${got}`);
    }
  }
  expect(failures).toEqual([]);
}
