/**
 * Database access (ADR 009). Two connections to the same SQLite file, in WAL mode:
 *
 * - the READ connection serves every plain query. It never holds another request's transaction, so
 *   a reader only ever sees committed rows (WAL gives it its own snapshot).
 * - the WRITE connection is private to this module. Every write runs on it inside `writeTx`, one at a
 *   time (an in-process FIFO queue), in a transaction opened with BEGIN IMMEDIATE: the write lock is
 *   taken before the first read, so the busy timeout applies and a transaction never fails halfway
 *   because another process wrote first.
 *
 * A plain write made through `getDb()` (e.g. `getDb().session.create`) is routed to the write
 * connection as its own one-statement `writeTx`; `getDb().$transaction(fn)` is `writeTx(fn)`. So no
 * query can join, see or be rolled back with another request's transaction.
 *
 * When another process (a CLI import) holds the write lock for longer than the busy timeout, the
 * write fails with `DatabaseBusyError`, which the routes answer with 503 + Retry-After.
 *
 * Models should not call `writeTx` directly for domain changes: use `unitOfWork`
 * (app/models/unit-of-work.server.ts), which adds the audit event and the cache version bump.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** How long a write waits for the write lock (queue in this process + lock held by another process). */
export const BUSY_TIMEOUT_MS = 5000;
/** Default limit of one write transaction (Prisma's own default); the import asks for more. */
const TX_TIMEOUT_MS = 15_000;

/** The pragmas set on every connection (documented in ADR 002 and 009; tests/unit/db-concurrency.test.ts). */
export const CONNECTION_PRAGMAS = {
  journal_mode: "wal",
  synchronous: 1, // NORMAL: durable at each checkpoint, never corrupt; the WAL makes it safe.
  foreign_keys: 1,
  busy_timeout: BUSY_TIMEOUT_MS,
} as const;

/** Another process held the write lock for longer than the busy timeout: answer 503, try again later. */
export class DatabaseBusyError extends Error {
  readonly retryAfterSeconds = 5;
  constructor() {
    super("database busy: the write lock is held by another writer");
    this.name = "DatabaseBusyError";
  }
}

export function isDatabaseBusyError(e: unknown): boolean {
  if (e instanceof DatabaseBusyError) return true;
  // Prisma's translation of SQLITE_BUSY (P1008 "socket timeout"), or the driver's own error.
  const err = e as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  return !!err && (err.code === "P1008" || err.code === "SQLITE_BUSY" || err.cause?.originalCode === "SQLITE_BUSY");
}

type Connection = {
  url: string;
  read: PrismaClient;
  write: PrismaClient;
  /** The routed client handed out by getDb(). */
  routed: PrismaClient;
  /** The write connection's better-sqlite3 handle, once Prisma has opened it. */
  writeHandle: Database.Database | null;
  /** Set while writeTx has run BEGIN IMMEDIATE itself, so Prisma's own "BEGIN" becomes a no-op. */
  begun: boolean;
  /** Prisma's transaction client of the writeTx running now (writeStatement checks a caller's `tx` is it). */
  currentTx: Tx | null;
  /** Statements prepared on the write handle by writeStatement, by SQL (bulk inserts reuse them). */
  statements: Map<string, Database.Statement>;
  queue: Promise<void>;
  ready: Promise<void>;
};

declare global {
  var __registrePrisma: Connection | undefined;
}

function applyPragmas(db: Database.Database, busyTimeoutMs: number) {
  db.pragma(`journal_mode = WAL`);
  db.pragma(`synchronous = NORMAL`);
  db.pragma(`foreign_keys = ON`);
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

type WithClient = SqlDriverAdapter & { client: Database.Database };

/** Wraps the adapter's factory to reach its better-sqlite3 handle when Prisma connects. */
function factory(url: string, busyTimeoutMs: number, onConnect: (db: Database.Database) => void): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url, timeout: busyTimeoutMs });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = (await inner.connect()) as WithClient;
      applyPragmas(adapter.client, busyTimeoutMs);
      onConnect(adapter.client);
      return adapter;
    },
  };
}

const READ_OPS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);

function connect(url: string, file: string): Connection {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = {} as Connection;
  conn.url = url;
  conn.begun = false;
  conn.currentTx = null;
  conn.statements = new Map();
  conn.writeHandle = null;
  conn.queue = Promise.resolve();
  // Writes never wait inside SQLite (that would block the event loop): writeTx retries asynchronously.
  conn.write = new PrismaClient({
    adapter: factory(url, 0, (db) => {
      const prepare = db.prepare.bind(db);
      // The adapter starts every interactive transaction with a plain "BEGIN". writeTx has already
      // run BEGIN IMMEDIATE (with its own busy handling), so Prisma's BEGIN must do nothing.
      db.prepare = ((sql: string) => {
        if (sql === "BEGIN") {
          if (!conn.begun) throw new Error("write transactions must go through writeTx");
          return { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
        }
        return prepare(sql);
      }) as typeof db.prepare;
      conn.writeHandle = db;
      conn.statements.clear();
    }),
  });
  // Readers never block on the writer in WAL; the busy timeout only covers a checkpoint or recovery.
  conn.read = new PrismaClient({ adapter: factory(url, BUSY_TIMEOUT_MS, (db) => db.pragma("query_only = ON")) });
  conn.routed = routedClient(conn);
  conn.ready = Promise.all([conn.read.$connect(), conn.write.$connect()]).then(() => undefined);
  // A failed open (disk error, unreadable file) fails the requests awaiting it and is retried by the
  // next one; left unhandled, the rejection would stop the whole server.
  conn.ready.catch(() => {
    if (globalThis.__registrePrisma === conn) globalThis.__registrePrisma = undefined;
  });
  return conn;
}

/**
 * The client handed to the rest of the app: reads on the read connection, every write serialized
 * through writeTx on the write connection.
 */
function routedClient(conn: Connection): PrismaClient {
  const delegates = new Map<string | symbol, unknown>();
  return new Proxy(conn.read, {
    get(target, prop, receiver) {
      if (prop === "$transaction") {
        return (arg: unknown, opts?: { timeout?: number }) =>
          typeof arg === "function" ? writeTx(arg as (tx: Tx) => Promise<unknown>, opts) : (target.$transaction as (a: unknown) => unknown)(arg);
      }
      if (prop === "$executeRaw" || prop === "$executeRawUnsafe") {
        return (...args: unknown[]) => writeTx((tx) => (tx[prop] as (...a: unknown[]) => Promise<number>)(...args));
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || prop.startsWith("$") || typeof value !== "object" || value === null || !("findMany" in value)) return value;
      if (!delegates.has(prop)) {
        delegates.set(
          prop,
          new Proxy(value, {
            get(delegate, op) {
              const fn = Reflect.get(delegate, op) as unknown;
              if (typeof op !== "string" || READ_OPS.has(op) || typeof fn !== "function") return fn;
              return (args: unknown) => writeTx((tx) => (tx as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[prop]![op]!(args));
            },
          }),
        );
      }
      return delegates.get(prop);
    },
  });
}

function current(): Connection {
  const { databaseUrl, databaseFile } = getEnv();
  if (!globalThis.__registrePrisma || globalThis.__registrePrisma.url !== databaseUrl) {
    globalThis.__registrePrisma = connect(databaseUrl, databaseFile);
  }
  return globalThis.__registrePrisma;
}

/** One routed client per process (kept across dev reloads). */
export function getDb(): PrismaClient {
  return current().routed;
}

export async function dbReady(): Promise<PrismaClient> {
  const conn = current();
  await conn.ready;
  return conn.routed;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isBusy(e: unknown) {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

export type WriteTxOptions = { timeout?: number; busyTimeoutMs?: number };

/**
 * Runs `fn` in one write transaction: queued behind the other writes of this process, opened with
 * BEGIN IMMEDIATE, committed if `fn` resolves, rolled back if it throws. The low-level primitive:
 * domain changes go through unitOfWork.
 */
export async function writeTx<T>(fn: (tx: Tx) => Promise<T>, opts: WriteTxOptions = {}): Promise<T> {
  const conn = current();
  await conn.ready;
  const busyTimeout = opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const deadline = Date.now() + busyTimeout;
  // FIFO queue: each write waits for the previous one to settle.
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const previous = conn.queue;
  conn.queue = previous.then(() => mine);
  try {
    const waited = await Promise.race([previous.then(() => true), sleep(busyTimeout).then(() => false)]);
    // Still queued after the timeout: give up (the writes behind us still wait for `previous`).
    if (!waited) throw new DatabaseBusyError();
    const db = conn.writeHandle!;
    for (let attempt = 0; ; attempt++) {
      try {
        db.exec("BEGIN IMMEDIATE");
        break;
      } catch (e) {
        if (!isBusy(e)) throw e;
        if (Date.now() >= deadline) throw new DatabaseBusyError();
        await sleep(Math.min(10 * 2 ** Math.min(attempt, 4), Math.max(1, deadline - Date.now())));
      }
    }
    conn.begun = true;
    try {
      return await conn.write.$transaction(
        (tx) => {
          conn.currentTx = tx;
          return fn(tx);
        },
        { timeout: opts.timeout ?? TX_TIMEOUT_MS, maxWait: busyTimeout },
      );
    } finally {
      conn.begun = false;
      conn.currentTx = null;
      // Whatever happened, the connection leaves here outside any transaction.
      if (db.inTransaction) db.exec("ROLLBACK");
    }
  } finally {
    release();
  }
}

const MAX_CACHED_STATEMENTS = 32;

/**
 * A statement prepared on the write connection's better-sqlite3 handle, for a unit of work's bulk
 * inserts (ADR 025: Prisma carries each bound value through its query compiler, which cost 1.2–1.7 s
 * of CPU for the 25 MB of a 5,000-activity import; the same rows cost 0.2 s here). Only for the `tx` of
 * the writeTx running now: that transaction runs on this very handle (Prisma's write client is connected
 * through it, and its "BEGIN" is a no-op after writeTx's BEGIN IMMEDIATE), so whatever the statement
 * writes commits or rolls back with the rest of the unit. Throws for any other `tx` or outside writeTx.
 * Statements are cached by SQL: a batch of the same size reuses its statement. The SQL must bind its
 * values (`?`); identifiers come from the caller's whitelist.
 */
export function writeStatement(tx: Tx, sql: string): Database.Statement {
  const conn = globalThis.__registrePrisma;
  const db = conn?.writeHandle;
  if (!conn || !db || !conn.begun || conn.currentTx !== tx || !db.inTransaction)
    throw new Error("writeStatement needs the transaction of the writeTx running now");
  let stmt = conn.statements.get(sql);
  if (!stmt) {
    if (conn.statements.size >= MAX_CACHED_STATEMENTS) conn.statements.clear();
    stmt = db.prepare(sql);
    conn.statements.set(sql, stmt);
  }
  return stmt;
}

export async function disconnectDb() {
  const conn = globalThis.__registrePrisma;
  if (conn) {
    globalThis.__registrePrisma = undefined;
    await conn.queue.catch(() => undefined);
    conn.statements.clear();
    await Promise.all([conn.read.$disconnect(), conn.write.$disconnect()]);
  }
}

/** Prisma stores SQLite DateTimes as ISO 8601 text with "+00:00"; raw SQL compares in the same form. */
export function sqlDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** The other way: a DateTime read by raw SQL comes back as that text (or epoch milliseconds); Prisma's own reads give a Date. */
export function fromSqlDate(v: Date | string | number): Date {
  return v instanceof Date ? v : new Date(v);
}
