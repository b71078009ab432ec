import type { ActivityContent } from "~/schemas/activity.ts";
import type { ExportActivity, RegisterExport } from "~/schemas/register-export.ts";
import { isSensitiveCategory, type ActivityStatus } from "~/reference/vocabularies.ts";
import { computeCompleteness } from "~/utils/activity-rules.ts";
import { getDb } from "~/utils/db.server.ts";
import { listRegisterAsOf, parseContent } from "./activity.server.ts";

function toExportActivity(
  meta: { ref: string; department: string | null; departmentId: string | null; status: ActivityStatus; version: number | null; approvedAt: Date | null },
  c: ActivityContent,
): ExportActivity {
  const completeness = computeCompleteness(c, meta.departmentId);
  return {
    ref: meta.ref,
    name: c.name,
    department: meta.department,
    status: meta.status,
    version: meta.version,
    approvedAt: meta.approvedAt ? meta.approvedAt.toISOString() : null,
    role: c.role,
    regime: c.regime,
    description: c.description,
    internalContact: c.internalContact,
    implementationDate: c.implementationDate,
    jointControllers: c.jointControllers,
    processorFor: c.processorFor,
    purposes: c.purposes,
    legalBases: c.legalBases,
    art9Conditions: c.art9Conditions,
    art10Basis: c.art10Basis,
    dataSubjects: c.dataSubjects,
    dataCategories: c.dataCategories.map((d) => ({ ...d, sensitive: isSensitiveCategory(d.category) })),
    recipients: c.recipients,
    transfers: c.transfers,
    securityMeasures: c.securityMeasures,
    rights: c.rights,
    riskFlags: c.riskFlags,
    nextReviewAt: c.nextReviewAt,
    lastReviewAt: c.lastReviewAt,
    completeness: { score: completeness.score, missing: completeness.missing },
  };
}

/**
 * The register as handed to the CNIL: for each activity, its last approved version (a newer draft
 * is not shown until approved); activities never approved appear as they stand, with their status.
 * With `asOf`, only the approved versions valid on that date.
 */
export async function buildRegisterExport(organizationId: string, opts: { asOf?: string; generatedAt?: Date } = {}): Promise<RegisterExport> {
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const generatedAt = opts.generatedAt ?? new Date();
  let activities: ExportActivity[];
  if (opts.asOf) {
    const end = new Date(`${opts.asOf}T23:59:59.999Z`);
    const versions = await listRegisterAsOf(organizationId, end);
    activities = versions.map((v) =>
      toExportActivity({ ref: v.activity.ref, department: v.departmentName, departmentId: v.departmentId, status: "APPROVED", version: v.number, approvedAt: v.approvedAt }, v.parsed),
    );
  } else {
    const rows = await db.activity.findMany({
      where: { organizationId, status: { not: "ARCHIVED" } },
      orderBy: { seq: "asc" },
      include: { department: { select: { name: true } }, versions: { where: { validTo: null }, orderBy: { number: "desc" }, take: 1 } },
    });
    activities = rows.map((a) => {
      const v = a.versions[0];
      if (v) {
        return toExportActivity({ ref: a.ref, department: v.departmentName, departmentId: v.departmentId, status: "APPROVED", version: v.number, approvedAt: v.approvedAt }, parseContent(v.content));
      }
      return toExportActivity(
        { ref: a.ref, department: a.department?.name ?? null, departmentId: a.departmentId, status: a.status as ActivityStatus, version: null, approvedAt: null },
        parseContent(a.content),
      );
    });
  }
  return {
    schemaVersion: 1,
    generator: "Registre",
    organization: {
      slug: org.slug,
      name: org.name,
      siren: org.siren,
      address: org.address,
      legalRepresentative: org.legalRepresentative,
      dpo: { name: org.dpoName, email: org.dpoEmail, phone: org.dpoPhone, cnilDesignationNumber: org.dpoCnilNumber },
    },
    generatedAt: generatedAt.toISOString(),
    asOf: opts.asOf ?? null,
    activities,
  };
}
