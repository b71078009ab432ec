/**
 * The REST API's contract (ADR 018): request and response schemas, the error codes, and the table of
 * operations from which the OpenAPI document is generated (schemas/openapi.ts). Routes shape their
 * output with these types, and tests/unit/api.test.ts parses every real response with them.
 */
import { SCREENING_RESULTS } from "~/analysis/dpia-screening.ts";
import { EXPOSURE_LEVELS } from "~/analysis/sovereignty.ts";
import { ACTIVITY_ROLES, ACTIVITY_STATUSES, LEGAL_BASES, REGIMES } from "~/reference/vocabularies.ts";
import { API_TOKEN_SCOPES } from "~/policies/api-token.ts";
import { ROLES } from "~/policies/roles.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { DPIA_STATUSES } from "~/schemas/dpia.ts";
import { EXPORT_FORMATS } from "~/schemas/export-request.ts";
import { SORTS } from "~/schemas/register-sort.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

/** Largest request body accepted by the API (413 above). An activity record is a few kilobytes. */
/** The shared schemas: each becomes a component of the OpenAPI document (#/components/schemas/<id>). */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

apiRegistry.add(ActivityContentSchema, { id: "ActivityContent", description: "The Art. 30 record (the same schema as the forms, imports and exports)." });

export const API_MAX_BODY_BYTES = 256 * 1024;
export const API_PAGE_SIZE_MAX = 100;

/** Stable error codes: clients branch on `code`, never on `title` or `detail`. */
export const API_ERROR_CODES = [
  "unauthenticated",
  "token_invalid",
  "token_expired",
  "token_revoked",
  "insufficient_scope",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "cors_disabled",
  "rate_limited",
  "body_too_large",
  "length_required",
  "unsupported_media_type",
  "invalid_json",
  "validation_failed",
  "precondition_required",
  "precondition_failed",
  "invalid_transition",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(API_ERROR_CODES),
    detail: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .register(apiRegistry, { id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

const isoDateTime = z.iso.datetime();
const isoDay = z.iso.date();

export const OrganizationSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    role: z.enum(ROLES).describe("The token owner's current role."),
    tokenScope: z.enum(API_TOKEN_SCOPES),
    departments: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .register(apiRegistry, { id: "Organization" });
export const OrganizationListSchema = z.object({ items: z.array(OrganizationSchema) }).register(apiRegistry, { id: "OrganizationList" });

export const ActivitySummarySchema = z
  .object({
    ref: z.string(),
    name: z.string(),
    status: z.enum(ACTIVITY_STATUSES),
    department: z.object({ id: z.string(), name: z.string() }).nullable(),
    legalBases: z.array(z.string()),
    sensitive: z.boolean(),
    completeness: z.number().int(),
    nextReviewAt: isoDay.nullable(),
    approvedVersion: z.number().int().nullable(),
    pendingChanges: z.boolean(),
    updatedAt: isoDateTime,
  })
  .register(apiRegistry, { id: "ActivitySummary" });

export const PageSchema = z.object({ page: z.number().int(), perPage: z.number().int(), total: z.number().int(), pages: z.number().int() });
export const ActivityListSchema = z
  .object({ items: z.array(ActivitySummarySchema) })
  .extend(PageSchema.shape)
  .register(apiRegistry, { id: "ActivityList" });

/** The register's filters (the same as the register page), plus the page size. */
export const ActivityListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  department: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(ACTIVITY_STATUSES).optional()),
  basis: z.preprocess(emptyToUndefined, z.enum(LEGAL_BASES).optional()),
  sensitive: z.preprocess(emptyToUndefined, z.enum(["yes", "no"]).optional()),
  regime: z.preprocess(emptyToUndefined, z.enum(REGIMES).optional()),
  role: z.preprocess(emptyToUndefined, z.enum(ACTIVITY_ROLES).optional()),
  overdue: z.preprocess(emptyToUndefined, z.literal("1").optional()),
  dpia: z.preprocess(emptyToUndefined, z.enum(["required", "recommended", "not_required", "none_started"]).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(SORTS).default("ref")),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100000).default(1)),
  perPage: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(API_PAGE_SIZE_MAX).default(25)),
});

export const ActivitySchema = z
  .object({
    ref: z.string(),
    name: z.string(),
    status: z.enum(ACTIVITY_STATUSES),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    revision: z.number().int().describe("Send it back in If-Match (also given as the ETag) to update or submit."),
    approvedVersion: z.number().int().nullable(),
    pendingChanges: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    content: ActivityContentSchema,
  })
  .register(apiRegistry, { id: "Activity" });

export const ActivityVersionSchema = z
  .object({
    number: z.number().int(),
    name: z.string(),
    departmentName: z.string().nullable(),
    approvedAt: isoDateTime,
    approvedBy: z.string().nullable(),
    validFrom: isoDateTime,
    validTo: isoDateTime.nullable(),
    content: ActivityContentSchema,
  })
  .register(apiRegistry, { id: "ActivityVersion" });
export const ActivityVersionListSchema = z.object({ items: z.array(ActivityVersionSchema) }).register(apiRegistry, { id: "ActivityVersionList" });

/** Create and update take the record and its department (null: none, reviewers only). */
export const ActivityWriteSchema = z
  .object({
    departmentId: z.string().min(1).max(40).nullable(),
    content: ActivityContentSchema,
  })
  .register(apiRegistry, { id: "ActivityWrite" });

export const VendorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    legalName: z.string().nullable(),
    country: z.string(),
    parentName: z.string().nullable(),
    parentCountry: z.string().nullable(),
    dpfCertified: z.boolean().nullable(),
    dpaStatus: z.string(),
    dpaNextReview: isoDay.nullable(),
    services: z.array(z.object({ id: z.string(), name: z.string(), secNumCloudQualified: z.boolean(), linkedActivities: z.number().int() })),
  })
  .register(apiRegistry, { id: "Vendor" });
export const VendorListSchema = z.object({ items: z.array(VendorSchema) }).register(apiRegistry, { id: "VendorList" });

const loose = z.array(z.record(z.string(), z.unknown()));
export const AnalysisSchema = z
  .object({
    items: z.array(
      z.object({
        ref: z.string(),
        name: z.string(),
        status: z.enum(ACTIVITY_STATUSES),
        sensitive: z.boolean(),
        level: z.enum(EXPOSURE_LEVELS),
        countries: z.array(z.string()),
        transfers: loose,
        exposure: loose,
        toVerify: loose,
      }),
    ),
  })
  .register(apiRegistry, { id: "Analysis", description: "The sovereignty analysis of each non-archived activity in the caller's scope." });

export const ScreeningListSchema = z
  .object({
    items: z.array(
      z.object({
        ref: z.string(),
        name: z.string(),
        departmentName: z.string().nullable(),
        result: z.enum(SCREENING_RESULTS),
        saved: z.boolean(),
        decision: z.string().nullable(),
        dpiaStatus: z.enum(DPIA_STATUSES).nullable(),
      }),
    ),
  })
  .register(apiRegistry, { id: "ScreeningList" });

export const DpiaSchema = z
  .object({
    ref: z.string(),
    status: z.enum(DPIA_STATUSES),
    version: z.number().int(),
    updatedAt: isoDateTime,
    answers: z.record(z.string(), z.unknown()),
    measures: loose,
    risks: z.record(z.string(), z.unknown()),
    actionPlan: loose,
  })
  .register(apiRegistry, { id: "Dpia" });

export const ExportRecordSchema = z
  .object({
    id: z.string(),
    format: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    channel: z.string(),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
  })
  .register(apiRegistry, { id: "ExportRecord" });
export const ExportListSchema = z.object({ items: z.array(ExportRecordSchema) }).register(apiRegistry, { id: "ExportList" });

export const ExportCreateSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    locale: z.enum(["fr", "en"]).default("fr"),
    scope: z.enum(["controller", "processor", "all"]).default("all"),
    asOf: isoDay.optional(),
    departments: z.array(z.string().min(1).max(200)).max(100).default([]),
    ref: z
      .string()
      .regex(/^T-\d{4,}$/)
      .optional(),
    separator: z.enum(["comma", "semicolon"]).default("comma"),
  })
  .register(apiRegistry, { id: "ExportCreate" });

// The operations table ---------------------------------------------------------------------------

export type ApiOperation = {
  method: "get" | "post" | "put";
  /** OpenAPI path template. */
  path: string;
  operationId: string;
  summary: string;
  /** "write" needs a read-write token. */
  scope: "read" | "write";
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Needs If-Match with the activity's revision. */
  ifMatch?: boolean;
  success: { status: number; schema?: z.ZodType; contentType?: string; description: string };
  errors: number[];
};

const ORG = "/organizations/{org}";
const COMMON_ERRORS = [401, 404, 429];

export const API_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/organizations",
    operationId: "listOrganizations",
    summary: "The token's organization (a token belongs to one).",
    scope: "read",
    success: { status: 200, schema: OrganizationListSchema, description: "The organizations this token reaches." },
    errors: [401, 429],
  },
  {
    method: "get",
    path: ORG,
    operationId: "getOrganization",
    summary: "One organization.",
    scope: "read",
    success: { status: 200, schema: OrganizationSchema, description: "The organization." },
    errors: COMMON_ERRORS,
  },
  {
    method: "get",
    path: `${ORG}/activities`,
    operationId: "listActivities",
    summary: "The register: the register page's filters and sorts, paged (perPage at most 100).",
    scope: "read",
    query: ActivityListQuerySchema,
    success: { status: 200, schema: ActivityListSchema, description: "One page of activities." },
    errors: [400, ...COMMON_ERRORS],
  },
  {
    method: "post",
    path: `${ORG}/activities`,
    operationId: "createActivity",
    summary: "Creates a draft activity (same rules as the form: an EDITOR creates in their departments only).",
    scope: "write",
    body: ActivityWriteSchema,
    success: { status: 201, schema: ActivitySchema, description: "The created activity (Location and ETag set)." },
    errors: [400, 403, 413, 415, 422, ...COMMON_ERRORS],
  },
  {
    method: "get",
    path: `${ORG}/activities/{ref}`,
    operationId: "getActivity",
    summary: "One activity, its working copy; the ETag is its revision.",
    scope: "read",
    success: { status: 200, schema: ActivitySchema, description: "The activity." },
    errors: [403, ...COMMON_ERRORS],
  },
  {
    method: "put",
    path: `${ORG}/activities/{ref}`,
    operationId: "updateActivity",
    summary: "Replaces the working copy. If-Match with the current revision is required (428 without, 412 when stale).",
    scope: "write",
    body: ActivityWriteSchema,
    ifMatch: true,
    success: { status: 200, schema: ActivitySchema, description: "The saved activity (new ETag)." },
    errors: [400, 403, 409, 412, 413, 415, 422, 428, ...COMMON_ERRORS],
  },
  {
    method: "post",
    path: `${ORG}/activities/{ref}/submit`,
    operationId: "submitActivity",
    summary: "Submits the activity for validation (from DRAFT or CHANGES_REQUESTED). If-Match is required.",
    scope: "write",
    ifMatch: true,
    success: { status: 200, schema: ActivitySchema, description: "The submitted activity." },
    errors: [403, 409, 412, 428, ...COMMON_ERRORS],
  },
  {
    method: "get",
    path: `${ORG}/activities/{ref}/versions`,
    operationId: "listActivityVersions",
    summary: "The approved versions of an activity, newest first.",
    scope: "read",
    success: { status: 200, schema: ActivityVersionListSchema, description: "The versions." },
    errors: [403, ...COMMON_ERRORS],
  },
  {
    method: "get",
    path: `${ORG}/activities/{ref}/dpia`,
    operationId: "getActivityDpia",
    summary: "The activity's DPIA, if one was started.",
    scope: "read",
    success: { status: 200, schema: DpiaSchema, description: "The DPIA." },
    errors: [403, ...COMMON_ERRORS],
  },
  {
    method: "get",
    path: `${ORG}/vendors`,
    operationId: "listVendors",
    summary: "The vendor catalogue and each vendor's services.",
    scope: "read",
    success: { status: 200, schema: VendorListSchema, description: "The vendors." },
    errors: COMMON_ERRORS,
  },
  {
    method: "get",
    path: `${ORG}/analysis`,
    operationId: "getAnalysis",
    summary: "The sovereignty analysis (exposure level, countries, transfers) of each activity in scope.",
    scope: "read",
    success: { status: 200, schema: AnalysisSchema, description: "The analysis." },
    errors: COMMON_ERRORS,
  },
  {
    method: "get",
    path: `${ORG}/screenings`,
    operationId: "listScreenings",
    summary: "The DPIA screening result of each activity in scope, and its DPIA status.",
    scope: "read",
    success: { status: 200, schema: ScreeningListSchema, description: "The screenings." },
    errors: COMMON_ERRORS,
  },
  {
    method: "get",
    path: `${ORG}/exports`,
    operationId: "listExports",
    summary: "The export log (ADMIN, DPO and VIEWER, like the exports page).",
    scope: "read",
    success: { status: 200, schema: ExportListSchema, description: "The latest exports." },
    errors: [403, ...COMMON_ERRORS],
  },
  {
    method: "post",
    path: `${ORG}/exports`,
    operationId: "createExport",
    summary: "Generates a new export, recorded in the export log; answers the file.",
    scope: "read",
    body: ExportCreateSchema,
    success: { status: 201, contentType: "application/octet-stream", description: "The file (Location: its download URL; X-Export-Id)." },
    errors: [400, 403, 413, 415, 422, ...COMMON_ERRORS],
  },
  {
    method: "get",
    path: `${ORG}/exports/{id}/download`,
    operationId: "downloadExport",
    summary: "Downloads an export from the log (the same bytes as when it was made).",
    scope: "read",
    success: { status: 200, contentType: "application/octet-stream", description: "The file." },
    errors: [403, ...COMMON_ERRORS],
  },
];
