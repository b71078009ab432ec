/**
 * The load run behind `npm run bench:load` and its short variant in `npm test` (issue 12 §15).
 *
 * The demo city is seeded into the database DATABASE_URL points at, the COMPILED server is started on
 * it (as in production), and `users` simulated users (the five demo accounts in turn) loop over mixed
 * reads, searches, saves (new activities, comments), submissions and exports, while one `npm run import`
 * process writes into the same database. At the end the server is stopped and every acknowledged write
 * is looked up in the database: a missing one is a lost update.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startBuiltServer } from "../helpers/built-server.ts";
import { root } from "../helpers/paths.ts";

export type LoadResult = {
  users: number;
  duration_s: number;
  requests: number;
  errors: number;
  lost_updates: number;
  p95_ms: number;
  rss_mb: number;
  import_rows: number;
  acknowledged_writes: number;
};

type Ack =
  { kind: "activity"; ref: string } | { kind: "comment"; ref: string; body: string } | { kind: "submit"; ref: string } | { kind: "export"; format: string };

const PASSWORD = "load-test-password";
const ORG = "ville-demo";

async function buildImportFile(file: string, rows: number, tag: string) {
  const { writeSyntheticXlsx } = await import("./synthetic-xlsx.ts");
  // No ref: the import matches refs to this register's activities and would update the users' new ones.
  await writeSyntheticXlsx(file, rows, (i) => ({ name: `${tag} ${i}`, ref: "", department: "Ressources humaines" }));
}

function readRssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export async function runLoad(opts: {
  users: number;
  durationMs: number;
  importRows: number;
  pdfShare?: number;
  log?: (s: string) => void;
}): Promise<LoadResult> {
  const log = opts.log ?? (() => undefined);
  const { seedDemo, DEMO_ACCOUNTS } = await import("../../app/models/demo-seed.server.ts");
  const { getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
  await seedDemo(PASSWORD);
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({ where: { slug: ORG } });
  const deps = new Map((await db.department.findMany({ where: { organizationId: org.id } })).map((d) => [d.name, d.id]));
  const readableRefs = (await db.activity.findMany({ where: { organizationId: org.id }, select: { ref: true }, take: 20, orderBy: { seq: "asc" } })).map(
    (a) => a.ref,
  );
  // The server applies migrations at start and wants the file to itself.
  await disconnectDb();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-load-"));
  const importFile = path.join(dir, "import.xlsx");
  const tag = `Import charge ${process.pid}`;
  await buildImportFile(importFile, opts.importRows, tag);

  const server = await startBuiltServer({ DATABASE_URL: process.env.DATABASE_URL!, LOG_LEVEL: "error" });
  const pid = server.child.pid!;
  let rss = readRssMb(pid);
  const sampler = setInterval(() => (rss = Math.max(rss, readRssMb(pid))), 250);

  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const acks: Ack[] = [];
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 10) errorSamples.push(what);
  };

  async function http(cookie: string | null, method: "GET" | "POST", url: string, body?: Record<string, string>): Promise<Response | null> {
    const t0 = performance.now();
    requests++;
    try {
      const res = await fetch(`${server.base}${url}`, {
        method,
        redirect: "manual",
        headers: {
          ...(cookie ? { Cookie: cookie } : {}),
          ...(method === "POST" ? { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        body: body ? new URLSearchParams(body).toString() : undefined,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      return res;
    } catch (err) {
      latencies.push(performance.now() - t0);
      fail(`${method} ${url}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
  const expect = (res: Response | null, status: number, what: string): res is Response => {
    if (!res) return false;
    if (res.status !== status) {
      fail(`${what}: ${res.status}`);
      return false;
    }
    return true;
  };

  const deadline = Date.now() + opts.durationMs;
  const words = ["état", "paie", "cantine", "vidéo", "listes", "agents", "école", "social"];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

  // One sign-in per account, shared by its simulated users (as tabs of one browser): ten parallel
  // sign-ins to one account would rightly be throttled (at most 5 password checks in flight).
  const cookies = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const login = await http(null, "POST", "/login", { email: account.email, password: PASSWORD });
    if (expect(login, 302, `login ${account.email}`))
      cookies.set(
        account.email,
        login.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      );
  }

  async function user(i: number) {
    const account = DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.length]!;
    const cookie = cookies.get(account.email);
    if (!cookie) return;
    const editorDep = account.departments[0] ? deps.get(account.departments[0]) : undefined;
    const mine: { ref: string; submitted: boolean }[] = [];
    let n = 0;
    while (Date.now() < deadline) {
      n++;
      const r = Math.random();
      const reviewer = account.role === "ADMIN" || account.role === "DPO";
      if (r < 0.35) {
        const page = pick([
          `/o/${ORG}`,
          `/o/${ORG}/activities`,
          `/o/${ORG}/vendors`,
          `/o/${ORG}/sovereignty`,
          ...(reviewer || account.role === "VIEWER" ? [`/o/${ORG}/activities/${pick(readableRefs)}`] : []),
        ]);
        expect(await http(cookie, "GET", page), 200, `GET ${page}`);
      } else if (r < 0.55) {
        const url = `/o/${ORG}/activities?q=${encodeURIComponent(pick(words))}`;
        expect(await http(cookie, "GET", url), 200, "search");
      } else if (r < 0.75 && (editorDep || reviewer)) {
        // Save: a new activity (EDITORs in their department), then a comment on one of theirs.
        if (mine.length < 5 || Math.random() < 0.5) {
          const res = await http(cookie, "POST", `/o/${ORG}/activities/new`, {
            name: `Charge ${i}-${n}`,
            departmentId: editorDep ?? deps.get("État civil")!,
            mode: "full",
          });
          if (expect(res, 302, "create")) {
            const ref = /activities\/(T-\d+)\//.exec(res.headers.get("location") ?? "")?.[1];
            if (ref) {
              acks.push({ kind: "activity", ref });
              mine.push({ ref, submitted: false });
            } else fail(`create: no ref in ${res.headers.get("location")}`);
          }
        } else {
          const target = pick(mine);
          const body = `Commentaire de charge ${i}-${n}-${Math.random().toString(36).slice(2, 8)}`;
          const res = await http(cookie, "POST", `/o/${ORG}/activities/${target.ref}`, { intent: "comment", body });
          if (expect(res, 302, "comment")) acks.push({ kind: "comment", ref: target.ref, body });
        }
      } else if (r < 0.85 && mine.some((m) => !m.submitted)) {
        const target = mine.find((m) => !m.submitted)!;
        const res = await http(cookie, "POST", `/o/${ORG}/activities/${target.ref}`, { intent: "transition", transition: "submit", revision: "1" });
        if (expect(res, 302, "submit")) {
          target.submitted = true;
          acks.push({ kind: "submit", ref: target.ref });
        }
      } else if (account.role !== "EDITOR") {
        const format = Math.random() < (opts.pdfShare ?? 0.05) ? "pdf" : pick(["csv", "json", "xlsx"]);
        const res = await http(cookie, "POST", `/o/${ORG}/exports/generate`, { format, locale: "fr", scope: "all" });
        if (expect(res, 200, `export ${format}`)) acks.push({ kind: "export", format });
      } else {
        expect(await http(cookie, "GET", `/o/${ORG}/activities`), 200, "GET register");
      }
    }
  }

  // The concurrent command-line import starts a third of the way in.
  const importRun = new Promise<number | null>((resolve) => {
    setTimeout(() => {
      log("starting the CLI import");
      const child = spawn(process.execPath, [path.join(root, "build", "node", "cli", "import.js"), "--org", ORG, "--file", importFile], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (b: Buffer) => (out += b.toString()));
      child.stderr.on("data", (b: Buffer) => (out += b.toString()));
      child.on("exit", (code) => {
        log(`CLI import exited ${code}`);
        if (code !== 0) fail(`import exited ${code}: ${out.slice(0, 500)}`);
        resolve(code);
      });
    }, opts.durationMs / 3);
  });

  const started = Date.now();
  await Promise.all(Array.from({ length: opts.users }, (_, i) => user(i)));
  const importCode = await importRun;
  const duration = (Date.now() - started) / 1000;
  clearInterval(sampler);
  server.child.kill("SIGTERM");
  const exitCode = await server.exited;
  if (exitCode !== 0) fail(`server exit code ${exitCode}`);

  // Every acknowledged write must be in the database.
  const check = getDb();
  let lost = 0;
  const orgId = org.id;
  const activities = new Map(
    (await check.activity.findMany({ where: { organizationId: orgId }, select: { id: true, ref: true, status: true } })).map((a) => [a.ref, a]),
  );
  const comments = new Set((await check.activityComment.findMany({ where: { organizationId: orgId }, select: { body: true } })).map((c) => c.body));
  for (const a of acks) {
    if (a.kind === "activity" && !activities.has(a.ref)) lost++;
    if (a.kind === "comment" && !comments.has(a.body)) lost++;
    if (a.kind === "submit" && activities.get(a.ref)?.status !== "SUBMITTED") lost++;
  }
  const exportsLogged = await check.exportRecord.count({ where: { organizationId: orgId, channel: "ui" } });
  const exportsAcked = acks.filter((a) => a.kind === "export").length;
  if (exportsLogged < exportsAcked) lost += exportsAcked - exportsLogged;
  const imported = importCode === 0 ? await check.activity.count({ where: { organizationId: orgId, name: { startsWith: tag } } }) : 0;
  if (importCode === 0 && imported !== opts.importRows) lost += opts.importRows - imported;
  await disconnectDb();
  fs.rmSync(dir, { recursive: true, force: true });
  if (errorSamples.length) log(`first errors: ${errorSamples.join(" | ")}`);
  // The server's own error lines say why a request failed (its log level is "error").
  if (errorSamples.length) log(`server log: ${server.output().slice(-4000)}`);

  latencies.sort((a, b) => a - b);
  return {
    users: opts.users,
    duration_s: Math.round(duration),
    requests,
    errors,
    lost_updates: lost,
    p95_ms: Math.round(latencies[Math.floor(0.95 * (latencies.length - 1))] ?? 0),
    rss_mb: rss,
    import_rows: imported,
    acknowledged_writes: acks.length,
  };
}
