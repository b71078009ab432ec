import { getDb, type Tx } from "~/utils/db.server.ts";

/** Called inside the transaction of every write that can change an activity's analysis. */
export async function bumpAnalysisVersion(tx: Tx, organizationId: string): Promise<void> {
  await tx.organization.update({ where: { id: organizationId }, data: { analysisVersion: { increment: 1 } } });
}

export async function getAnalysisVersion(organizationId: string): Promise<number> {
  const org = await getDb().organization.findUnique({ where: { id: organizationId }, select: { analysisVersion: true } });
  return org?.analysisVersion ?? -1;
}
