/**
 * Runs the compiled server (`node build/node/serve.js`) as production does. Builds what is missing:
 * the Remix build only when absent (slow), the server bundle always (about a second), so the test
 * runs the current code.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildServerBundle } from "../../app/cli/build-server.ts";
import { root } from "./paths.ts";

let built: Promise<void> | undefined;

export function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    if (!fs.existsSync(path.join(root, "build", "server", "index.js"))) {
      execFileSync(path.join(root, "node_modules", ".bin", "remix"), ["vite:build"], { cwd: root, stdio: "ignore" });
    }
    await buildServerBundle();
  })();
  return built;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type BuiltServer = { child: ChildProcess; base: string; port: number; exited: Promise<number | null>; output: () => string };

export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  await ensureBuilt();
  const port = await freePort();
  let out = "";
  const child = spawn(process.execPath, [path.join(root, "build", "node", "serve.js")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${out}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, port, exited, output: () => out };
}
