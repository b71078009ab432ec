import { dbReady } from "~/utils/db.server.ts";

/** A real round-trip: a read of the migrations table proves the schema is there too. */
export async function pingDatabase(): Promise<void> {
  const db = await dbReady();
  await db.$queryRawUnsafe("SELECT count(*) AS n FROM _prisma_migrations");
}
