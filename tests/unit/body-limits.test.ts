/**
 * Issue 12.5: body limits per route, much lower without a session, answered 413 on the declared
 * length before the body is read.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "~/import/limits.ts";
import { MAX_DPA_BYTES as DPA_MODEL } from "~/models/vendor.server.ts";
import { BODY_LIMITS, bodyLimitFor, bodyLimits, MAX_DPA_BYTES, SESSION_COOKIE } from "~/http/body-limits.server.ts";
import { SESSION_COOKIE as SESSION_COOKIE_REAL } from "~/http/session.server.ts";

const session = `${SESSION_COOKIE}=abc`;

describe("bodyLimitFor", () => {
  it("gives anonymous routes a small limit, signed-in forms more, uploads their file cap", () => {
    for (const p of ["/login", "/setup", "/invitation/tok", "/reset/tok", "/public/ville", "/s/tok", "/lang", "/login.data", "/"]) {
      expect(bodyLimitFor(p, session), p).toBe(BODY_LIMITS.anonymous);
    }
    expect(BODY_LIMITS.anonymous).toBeLessThanOrEqual(16 * 1024);
    expect(bodyLimitFor("/o/ville/settings", session)).toBe(BODY_LIMITS.signedIn);
    expect(bodyLimitFor("/account", session)).toBe(BODY_LIMITS.signedIn);
    expect(bodyLimitFor("/o/ville/import", session)).toBe(BODY_LIMITS.import);
    expect(bodyLimitFor("/o/ville/import.data", session)).toBe(BODY_LIMITS.import);
    expect(bodyLimitFor("/o/ville/vendors/v1", session)).toBe(BODY_LIMITS.dpa);
    expect(bodyLimitFor("/o/ville/activities/T-0001/dpia", session)).toBe(BODY_LIMITS.pia);
    expect(bodyLimitFor("/verify", undefined)).toBe(BODY_LIMITS.verify);
  });
  it("without a session cookie, a signed-in route gets the anonymous limit", () => {
    expect(bodyLimitFor("/o/ville/import", undefined)).toBe(BODY_LIMITS.anonymous);
    expect(bodyLimitFor("/o/ville/import", `${SESSION_COOKIE}=`)).toBe(BODY_LIMITS.anonymous);
    expect(bodyLimitFor("/o/ville/import", "other=1")).toBe(BODY_LIMITS.anonymous);
  });
  it("its copies of the file caps and the cookie name match the originals", () => {
    expect(MAX_DPA_BYTES).toBe(DPA_MODEL);
    expect(SESSION_COOKIE).toBe(SESSION_COOKIE_REAL);
    expect(BODY_LIMITS.import).toBeGreaterThan(IMPORT_LIMITS.maxBytes);
  });
});

describe("the middleware, on a real HTTP server", () => {
  let server: http.Server;
  let port: number;
  let bodyBytesRead = 0;
  beforeAll(async () => {
    const app = express();
    app.use(bodyLimits());
    app.post("*", (req, res) => {
      req.on("data", (c: Buffer) => (bodyBytesRead += c.length));
      req.on("end", () => res.status(200).send("read"));
    });
    server = app.listen(0);
    await new Promise((r) => server.once("listening", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function post(pathName: string, declared: number, send: number, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = http.request(
        {
          port,
          path: pathName,
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(declared), "Accept-Language": "en", ...headers },
        },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode!, body, sent }));
        },
      );
      req.on("error", (e) => (sent > 0 ? undefined : reject(e)));
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = () => {
        while (sent < send) {
          const n = Math.min(chunk.length, send - sent);
          sent += n;
          if (!req.write(chunk.subarray(0, n))) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
  }

  it("refuses a 150 MB POST /login with 413 without reading it", async () => {
    bodyBytesRead = 0;
    const res = await post("/login", 150 * 1024 * 1024, 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.body).toContain("Request too large");
    expect(bodyBytesRead).toBe(0);
  });

  it("accepts a small login form, and a large one only on an upload route with a session", async () => {
    expect((await post("/login", 1000, 1000)).status).toBe(200);
    bodyBytesRead = 0;
    expect((await post("/o/ville/import", 2 * 1024 * 1024, 2 * 1024 * 1024, { Cookie: session })).status).toBe(200);
    expect(bodyBytesRead).toBe(2 * 1024 * 1024);
    expect((await post("/o/ville/import", 2 * 1024 * 1024, 0)).status).toBe(413);
    expect((await post("/o/ville/settings", 2 * 1024 * 1024, 0, { Cookie: session })).status).toBe(413);
  });

  it("refuses a chunked body (no declared length) with 411", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ port, path: "/login", method: "POST", headers: { "Transfer-Encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.write("a=1");
      req.end();
    });
    expect(status).toBe(411);
  });
});
