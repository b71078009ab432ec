/**
 * The REST API at the HTTP edge (server.ts, a stub handler standing in for Remix): CORS is off (a
 * preflight is refused, no Access-Control-Allow-Origin), the same-origin check does not block
 * bearer-authenticated API calls but still guards the cookie-authenticated pages, and oversize or
 * unsized bodies get problem+json before anything reads them.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../server.ts";
import { BODY_LIMITS } from "~/http/body-limits.server.ts";

let server: Server;
let base: string;

beforeAll(async () => {
  const app = await createServer({ handler: (req, res) => void res.status(200).json({ reached: true, method: req.method }) });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("API at the HTTP edge", () => {
  it("refuses a CORS preflight and never sends Access-Control-Allow-Origin", async () => {
    const res = await fetch(`${base}/api/v1/organizations`, {
      method: "OPTIONS",
      headers: { Origin: "https://intranet.example", "Access-Control-Request-Method": "POST" },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 403, code: "cors_disabled" });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const get = await fetch(`${base}/api/v1/organizations`, { headers: { Origin: "https://intranet.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets bearer API writes through the same-origin check, which still guards the pages", async () => {
    const api = await fetch(`${base}/api/v1/organizations/x/activities`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ reached: true, method: "POST" });
    const page = await fetch(`${base}/o/x/activities/new`, { method: "POST", body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(page.status).toBe(403);
  });

  it("answers 413 problem+json over the API body limit, before reading the body", async () => {
    const res = await fetch(`${base}/api/v1/organizations/x/activities`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "x".repeat(BODY_LIMITS.api + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413, code: "body_too_large" });
  });

  it("answers 411 problem+json to a body without a declared length", async () => {
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${base}/api/v1/organizations/x/activities`,
        { method: "POST", headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" } },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.write("{}");
      req.end();
    });
    expect(status.status).toBe(411);
    expect(JSON.parse(status.body)).toMatchObject({ code: "length_required" });
  });
});
