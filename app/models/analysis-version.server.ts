import { getDb, sqlDate, type Tx } from "~/utils/db.server.ts";

/** Called inside the transaction of every write that can change an activity's analysis. */
export async function bumpAnalysisVersion(tx: Tx, organizationId: string): Promise<void> {
  await tx.organization.update({ where: { id: organizationId }, data: { analysisVersion: { increment: 1 } } });
}

/**
 * The same for many organizations at once (a shared vendor's change reaches hundreds, ADR 020): one
 * UPDATE per 500 ids instead of one per organization. Sets updatedAt as Prisma's @updatedAt would.
 */
export async function bumpAnalysisVersions(tx: Tx, organizationIds: readonly string[]): Promise<void> {
  if (organizationIds.length === 1) {
    await tx.organization.update({ where: { id: organizationIds[0]! }, data: { analysisVersion: { increment: 1 } } });
    return;
  }
  const now = sqlDate(new Date());
  for (let i = 0; i < organizationIds.length; i += 500) {
    const ids = organizationIds.slice(i, i + 500);
    await tx.$executeRawUnsafe(
      `UPDATE "Organization" SET analysisVersion = analysisVersion + 1, updatedAt = ? WHERE id IN (${ids.map(() => "?").join(", ")})`,
      now,
      ...ids,
    );
  }
}

export async function getAnalysisVersion(organizationId: string): Promise<number> {
  const org = await getDb().organization.findUnique({ where: { id: organizationId }, select: { analysisVersion: true } });
  return org?.analysisVersion ?? -1;
}
