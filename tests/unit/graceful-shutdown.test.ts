/**
 * Issue 12 §13: the compiled server (`node build/node/serve.js`) stops gracefully on SIGTERM: it stops
 * accepting connections, answers the request in flight, closes the database and exits 0.
 */
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { startBuiltServer, type BuiltServer } from "../helpers/built-server.ts";
import { createUser } from "../helpers/factories.ts";
import { disconnectDb } from "~/utils/db.server.ts";

let server: BuiltServer | undefined;

afterAll(() => {
  if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("graceful shutdown of the compiled server", () => {
  it("SIGTERM during a request: the request completes, new connections are refused, exit code 0", async () => {
    // An instance with an account (without any, /login sends to /setup).
    await createUser();
    // The server applies migrations at start: `prisma migrate deploy` wants the file to itself.
    await disconnectDb();
    server = await startBuiltServer();
    const s = server;
    const body = new URLSearchParams({ email: "nobody@shutdown.example", password: "not the password" }).toString();
    // A request whose body is only half sent: it is certainly in flight when SIGTERM arrives.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${s.base}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: s.base },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      void (async () => {
        await sleep(500);
        s.child.kill("SIGTERM");
        await sleep(700);
        // Still running: it waits for the request.
        expect(s.child.exitCode).toBeNull();
        // No new connection is accepted.
        await expect(fetch(`${s.base}/healthz`)).rejects.toThrow();
        req.end(body.slice(10));
      })().catch(reject);
    });
    const res = await answer;
    // The login page answered normally (unknown account: 400 with the form), not a dropped connection.
    expect(res.status).toBe(400);
    expect(res.text).toContain("<form");
    expect(await s.exited).toBe(0);
    expect(s.output()).not.toMatch(/error/i);
  }, 180_000);
});
