import { recordExport, type PublicExportFormat } from "./export-log.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseContent } from "./activity.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { undeclaredComputedTransfers } from "~/documents/computed-transfers.ts";
import { analyseActivities } from "./register-export.server.ts";
import { serverTranslator } from "~/utils/messages.server.ts";
import { translateToVerify } from "~/utils/sovereignty-text.ts";

export async function setActivityPublic(actorId: string, organizationId: string, activityId: string, isPublic: boolean) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.activity.updateMany({ where: { id: activityId, organizationId }, data: { isPublic } });
    if (res.count === 0) return false;
    w.audit(isPublic ? "activity.published" : "activity.unpublished", "Activity", activityId);
    return true;
  });
}

/**
 * What a citizen may see (CADA): only activities the DPO marked public, only their last approved
 * version, and only a safe subset of fields — no internal contacts, names of people, or security details.
 */
export async function getPublicRegister(slug: string) {
  const db = getDb();
  const org = await db.organization.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, siren: true, address: true, dpoName: true, dpoEmail: true, dpoPhone: true },
  });
  if (!org) return null;
  const rows = await db.activity.findMany({
    where: { organizationId: org.id, isPublic: true, status: { not: "ARCHIVED" }, approvedVersion: { not: null } },
    orderBy: { seq: "asc" },
    select: {
      id: true,
      ref: true,
      versions: { where: { validTo: null }, orderBy: { number: "desc" }, take: 1, select: { content: true, approvedAt: true, number: true } },
    },
  });
  const published = rows.flatMap((a) => {
    const v = a.versions[0];
    return v ? [{ id: a.id, ref: a.ref, v, content: parseContent(v.content) }] : [];
  });
  // Transfers computed from the vendors (support from a third country…), as the register's other exports show them.
  const analysed = await analyseActivities(org.id, published);
  const [fr, en] = [serverTranslator("fr"), serverTranslator("en")];
  const activities = published.map(({ id, ref, v, content: c }) => {
    const analysis = analysed.get(id) ?? { transfers: [], toVerify: [] };
    const computed = undeclaredComputedTransfers({ transfers: c.transfers, analysis });
    return {
      ref,
      name: c.name,
      version: v.number,
      approvedAt: v.approvedAt.toISOString().slice(0, 10),
      purposes: { main: c.purposes.main ?? null, sub: c.purposes.sub },
      legalBases: c.legalBases.map((b) => ({ basis: b.basis, text: b.text ?? null })),
      dataSubjects: c.dataSubjects.map((d) => d.category),
      dataCategories: c.dataCategories.map((d) => ({
        category: d.category,
        retention: {
          activePeriod: d.retention.activePeriod ?? null,
          intermediatePeriod: d.retention.intermediatePeriod ?? null,
          finalFate: d.retention.finalFate ?? null,
        },
      })),
      recipientTypes: [...new Set(c.recipients.map((r) => r.type))],
      transfers: c.transfers.map((t) => ({ country: t.country, safeguard: t.safeguard })),
      /** Computed from the vendors, not declared by the record: country, recipient organisation, vendor chain, analysis status, safeguard code. */
      computedTransfers: computed.map((t) => ({ country: t.country, recipient: t.recipient, chain: t.chain, status: t.status, safeguard: t.safeguard })),
      /** Facts the organization still has to record before the analysis of its transfers can conclude (as in the JSON-LD's registre:toVerify). */
      toVerify: analysis.toVerify.map((x) => ({
        fact: x.fact,
        subject: x.subject,
        country: x.country ?? null,
        fr: translateToVerify(x, fr),
        en: translateToVerify(x, en),
      })),
      rightsExercise: c.rights.exercise ?? null,
    };
  });
  // An organization that publishes nothing has no public register: 404, as for an unknown slug.
  if (activities.length === 0) return null;
  return {
    organization: { name: org.name, slug: org.slug, siren: org.siren, address: org.address },
    dpo: { name: org.dpoName, email: org.dpoEmail, phone: org.dpoPhone },
    activities,
  };
}

export type PublicRegister = NonNullable<Awaited<ReturnType<typeof getPublicRegister>>>;

/**
 * Records a download of the public register's open data in the organization's export log (ADR 007:
 * every file that leaves the instance is logged and verifiable), anonymously, channel "public".
 */
export async function recordPublicDownload(slug: string, format: PublicExportFormat, bytes: Uint8Array, fileName: string) {
  const org = await getDb().organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) return null;
  return recordExport({ organizationId: org.id, actorId: null, format, params: { public: true }, bytes, fileName, channel: "public" });
}
