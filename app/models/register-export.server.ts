import type { DpaStatus } from "~/schemas/vendor.ts";
import fs from "node:fs";
import { createAnalyser, publicPowersOf, type Analysis, type LinkRole } from "~/analysis/sovereignty.ts";
import { latestAuditAnchor } from "./audit.server.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import type { ExportActivity, RegisterExport } from "~/schemas/register-export.ts";
import type { Locale } from "~/utils/i18n.ts";
import { serverTranslator } from "~/utils/messages.server.ts";
import { translateReason, translateToVerify } from "~/utils/sovereignty-text.ts";
import { isSensitiveCategory, type ActivityStatus } from "~/reference/vocabularies.ts";
import { computeCompleteness } from "~/domain/activity-rules.ts";
import { getDb } from "~/utils/db.server.ts";
import { ALL_ACTIVITIES } from "~/policies/department.ts";
import { listRegisterAsOf, parseContent } from "./activity.server.ts";
import { countryFacts, loadServiceGraph } from "./sovereignty.server.ts";
import { exportScreening, loadScreeningsForExport } from "./dpia.server.ts";
import { dpaFilePath } from "./vendor.server.ts";

type ExportLink = {
  role: LinkRole;
  serviceId: string | null;
  site: { name: string; country: string } | null;
  label: { vendor: string | null; service: string };
};

function explain(analysis: Analysis, locale: Locale): string[] {
  return analysis.reasons.map((r) => translateReason(r, serverTranslator(locale)));
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function toExportActivity(
  meta: {
    ref: string;
    department: string | null;
    departmentId: string | null;
    status: ActivityStatus;
    version: number | null;
    approvedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  },
  c: ActivityContent,
  links: ExportLink[],
  analyse: ReturnType<typeof createAnalyser>,
  screening?: Parameters<typeof exportScreening>[1],
): ExportActivity {
  const completeness = computeCompleteness(c, meta.departmentId);
  const analysis = analyse({ links, declaredTransfers: c.transfers, publicPowers: publicPowersOf(c) });
  return {
    ref: meta.ref,
    name: c.name,
    department: meta.department,
    status: meta.status,
    version: meta.version,
    approvedAt: meta.approvedAt ? meta.approvedAt.toISOString() : null,
    createdAt: meta.createdAt.toISOString(),
    updatedAt: meta.updatedAt.toISOString(),
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
    ledLegalBasis: c.ledLegalBasis,
    ledProfiling: c.ledProfiling,
    domain: c.domain,
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
    services: links.map((l) => ({ vendor: l.label.vendor, service: l.label.service, role: l.role, ownHosting: l.site !== null })),
    analysis: {
      level: analysis.level,
      countries: analysis.countries,
      reach: analysis.reach.map((r) => ({ country: r.country, region: r.region, role: r.role, chain: r.chain, ownHosting: r.ownHosting })),
      transfers: analysis.transfers.map((t) => ({
        country: t.country,
        recipient: t.recipient,
        chain: t.chain,
        source: t.source,
        adequacy: t.adequacy,
        status: t.status,
        safeguard: t.safeguard,
        tiaMissing: t.tiaMissing,
        missingFact: t.missingFact ?? null,
        structural: t.structural ?? false,
        ...(t.recipientKind ? { recipientKind: t.recipientKind } : {}),
        art49Point: t.art49Point ?? null,
      })),
      exposure: analysis.exposure,
      secNumCloud: analysis.secNumCloud,
      toVerify: analysis.toVerify.map((v) => ({ ...v, fr: translateToVerify(v, serverTranslator("fr")), en: translateToVerify(v, serverTranslator("en")) })),
      explanation: { fr: explain(analysis, "fr"), en: explain(analysis, "en") },
    },
    ...exportScreening(c, screening),
  };
}

/** The current vendor and hosting-site links of every activity of the organization, by activity id. */
async function loadExportLinks(organizationId: string): Promise<Map<string, ExportLink[]>> {
  const rows = await getDb().activityLink.findMany({
    where: { organizationId },
    // Links made in the same millisecond: the id (a cuid: time, then a counter) keeps the order they were added in.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      activityId: true,
      role: true,
      serviceId: true,
      site: { select: { name: true, country: true } },
      service: { select: { name: true, vendor: { select: { name: true } } } },
    },
  });
  const linksOf = new Map<string, ExportLink[]>();
  for (const l of rows) {
    const list = linksOf.get(l.activityId) ?? [];
    list.push({
      role: l.role,
      serviceId: l.serviceId,
      site: l.site,
      label: l.site ? { vendor: null, service: l.site.name } : { vendor: l.service?.vendor.name ?? null, service: l.service?.name ?? "" },
    });
    linksOf.set(l.activityId, list);
  }
  return linksOf;
}

/**
 * The transfers computed from the vendors for the given activities (id and content), by activity id,
 * as the register export's `analysis.transfers` lists them (declared ones included: see
 * documents/computed-transfers.ts to keep the undeclared ones).
 */
export async function analyseTransfers(
  organizationId: string,
  activities: { id: string; content: ActivityContent }[],
): Promise<Map<string, Analysis["transfers"]>> {
  const analysed = await analyseActivities(organizationId, activities);
  return new Map([...analysed].map(([id, a]) => [id, a.transfers]));
}

/**
 * The transfers and the facts still to verify (`toVerify`) that the vendors give the given activities,
 * by activity id: what the register export's `analysis` says of them.
 */
export async function analyseActivities(
  organizationId: string,
  activities: { id: string; content: ActivityContent }[],
): Promise<Map<string, Pick<Analysis, "transfers" | "toVerify">>> {
  const [graph, linksOf] = await Promise.all([loadServiceGraph(organizationId), loadExportLinks(organizationId)]);
  const analyse = createAnalyser(graph, countryFacts, { explain: false });
  return new Map(
    activities.map((a) => {
      const r = analyse({ links: linksOf.get(a.id) ?? [], declaredTransfers: a.content.transfers, publicPowers: publicPowersOf(a.content) });
      return [a.id, { transfers: r.transfers, toVerify: r.toVerify }];
    }),
  );
}

/**
 * The DPA file of a vendor as the register JSON carries it: its name, type, size and hash, and with
 * `withBytes` the file itself (base64), so that an import into another instance restores it. A file
 * missing from the store is described without its bytes (the import then restores the metadata only).
 */
function dpaFileOf(
  v: { dpaFileHash: string | null; dpaFileName: string | null; dpaFileSize: number | null },
  withBytes: boolean,
): NonNullable<RegisterExport["vendors"][number]["dpa"]["file"]> | null {
  if (!v.dpaFileHash) return null;
  const p = dpaFilePath(v.dpaFileHash);
  const stored = fs.existsSync(p);
  const base64 = withBytes && stored ? fs.readFileSync(p).toString("base64") : undefined;
  return {
    fileName: v.dpaFileName ?? "dpa.pdf",
    mediaType: "application/pdf",
    size: v.dpaFileSize ?? (stored ? fs.statSync(p).size : 0),
    sha256: v.dpaFileHash,
    ...(base64 !== undefined ? { base64 } : {}),
  };
}

/**
 * The register as handed to the CNIL: for each activity, its last approved version (a newer draft
 * is not shown until approved); activities never approved appear as they stand, with their status.
 * With `asOf`, only the approved versions valid on that date.
 */
/** A subscriber's contract with a shared vendor, in the vendor's column names. */
const contractOf = (s: {
  dpaStatus: DpaStatus;
  dpaSignedAt: Date | null;
  dpaReference: string | null;
  dpaNextReview: Date | null;
  dpaFileHash: string | null;
  dpaFileName: string | null;
  dpaFileSize: number | null;
  notes: string | null;
}) => ({
  dpaStatus: s.dpaStatus,
  dpaSignedAt: s.dpaSignedAt,
  dpaReference: s.dpaReference,
  dpaNextReview: s.dpaNextReview,
  dpaFileHash: s.dpaFileHash,
  dpaFileName: s.dpaFileName,
  dpaFileSize: s.dpaFileSize,
  // The subscriber's own notes on its contract, not the catalogue owner's.
  notes: s.notes,
});

export async function buildRegisterExport(organizationId: string, opts: { asOf?: string; generatedAt?: Date; files?: boolean } = {}): Promise<RegisterExport> {
  const db = getDb();
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const generatedAt = opts.generatedAt ?? new Date();
  const [graph, linksOf, vendors, sites, screenings] = await Promise.all([
    loadServiceGraph(organizationId),
    loadExportLinks(organizationId),
    db.vendor.findMany({
      // The organization's own vendors and the shared ones it subscribes to, with its own contract (ADR 020).
      where: { OR: [{ organizationId }, { shared: true, subscriptions: { some: { organizationId } } }] },
      orderBy: { name: "asc" },
      include: {
        subscriptions: { where: { organizationId } },
        services: {
          orderBy: { name: "asc" },
          include: { locations: { include: { providerService: { select: { name: true, vendor: { select: { name: true } } } } } } },
        },
      },
    }),
    db.hostingSite.findMany({ where: { organizationId }, orderBy: { name: "asc" } }),
    loadScreeningsForExport(organizationId),
  ]);
  const analyse = createAnalyser(graph, countryFacts);
  let activities: ExportActivity[];
  if (opts.asOf) {
    const end = new Date(`${opts.asOf}T23:59:59.999Z`);
    const versions = await listRegisterAsOf(organizationId, end, ALL_ACTIVITIES);
    activities = versions.map((v) =>
      toExportActivity(
        {
          ref: v.activity.ref,
          department: v.departmentName,
          departmentId: v.departmentId,
          status: "APPROVED",
          version: v.number,
          approvedAt: v.approvedAt,
          createdAt: v.activity.createdAt,
          updatedAt: v.approvedAt,
        },
        v.parsed,
        linksOf.get(v.activityId) ?? [],
        analyse,
        screenings.get(v.activityId),
      ),
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
        return toExportActivity(
          {
            ref: a.ref,
            department: v.departmentName,
            departmentId: v.departmentId,
            status: "APPROVED",
            version: v.number,
            approvedAt: v.approvedAt,
            createdAt: a.createdAt,
            updatedAt: v.approvedAt,
          },
          parseContent(v.content),
          linksOf.get(a.id) ?? [],
          analyse,
          screenings.get(a.id),
        );
      }
      return toExportActivity(
        {
          ref: a.ref,
          department: a.department?.name ?? null,
          departmentId: a.departmentId,
          status: a.status,
          version: null,
          approvedAt: null,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
        },
        parseContent(a.content),
        linksOf.get(a.id) ?? [],
        analyse,
        screenings.get(a.id),
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
    auditAnchor: await latestAuditAnchor(),
    asOf: opts.asOf ?? null,
    activities,
    vendors: vendors
      .map((shared) => (shared.organizationId === organizationId ? shared : { ...shared, ...contractOf(shared.subscriptions[0]!) }))
      .map((v) => ({
        name: v.name,
        legalName: v.legalName,
        registrationNumber: v.registrationNumber,
        website: v.website,
        country: v.country,
        parent: { name: v.parentName, country: v.parentCountry },
        certifications: {
          hds: { activities: v.hdsActivities, expiry: day(v.hdsExpiry) },
          iso27001Expiry: day(v.iso27001Expiry),
          dpf: { certified: v.dpfCertified, checkedAt: day(v.dpfCheckedAt) },
        },
        contact: { name: v.contactName, email: v.contactEmail },
        notes: v.notes,
        shareholdingWithinLimits: v.shareholdingWithinLimits,
        dpa: {
          status: v.dpaStatus,
          signedAt: day(v.dpaSignedAt),
          reference: v.dpaReference,
          nextReview: day(v.dpaNextReview),
          sha256: v.dpaFileHash,
          file: dpaFileOf(v, opts.files ?? false),
        },
        services: v.services.map((s) => ({
          name: s.name,
          description: s.description,
          secNumCloud: { qualified: s.secNumCloudQualified, date: day(s.secNumCloudDate), version: s.secNumCloudVersion, scope: s.secNumCloudScope },
          nonEuAccess: s.nonEuAccess,
          locations: s.locations.map((l) => ({
            role: l.role,
            country: l.country,
            region: l.region,
            provider: l.providerService ? { vendor: l.providerService.vendor.name, service: l.providerService.name } : null,
            safeguard: l.safeguard,
            tiaDone: l.tiaDone,
            safeguardUrl: l.safeguardUrl,
          })),
        })),
      })),
    hostingSites: sites.map((h) => ({ name: h.name, country: h.country, city: h.city, description: h.description })),
  };
}
