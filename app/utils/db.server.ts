import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

declare global {
  var __registrePrisma: { client: PrismaClient; ready: Promise<void>; url: string } | undefined;
}

function connect(url: string, file: string) {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // WAL is stored in the file itself: set once, synchronously, before Prisma opens it, so readers
    // keep working while a writer commits (the server and a CLI export at the same time).
    const raw = new Database(file, { timeout: 5000 });
    raw.pragma("journal_mode = WAL");
    raw.close();
  }
  // `timeout` is better-sqlite3's busy timeout: a second process waits for the lock instead of failing.
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  // better-sqlite3 enables foreign keys by default; say so explicitly (a no-op inside a transaction, never an error).
  const ready = client.$executeRawUnsafe("PRAGMA foreign_keys = ON").then(() => undefined);
  return { client, ready, url };
}

/** One client per process (kept across dev reloads). */
export function getDb(): PrismaClient {
  const { databaseUrl, databaseFile } = getEnv();
  if (!globalThis.__registrePrisma || globalThis.__registrePrisma.url !== databaseUrl) {
    globalThis.__registrePrisma = connect(databaseUrl, databaseFile);
  }
  return globalThis.__registrePrisma.client;
}

export async function dbReady(): Promise<PrismaClient> {
  const client = getDb();
  await globalThis.__registrePrisma!.ready;
  return client;
}

export async function disconnectDb() {
  if (globalThis.__registrePrisma) {
    await globalThis.__registrePrisma.client.$disconnect();
    globalThis.__registrePrisma = undefined;
  }
}

/** Prisma stores SQLite DateTimes as ISO 8601 text with "+00:00"; raw SQL compares in the same form. */
export function sqlDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
