import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

declare global {
  // eslint-disable-next-line no-var
  var __registrePrisma: { client: PrismaClient; ready: Promise<void>; url: string } | undefined;
}

function connect(url: string, file: string) {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  // WAL lets readers work while a writer commits; busy_timeout makes a second process wait, not fail.
  const ready = (async () => {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  })();
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
