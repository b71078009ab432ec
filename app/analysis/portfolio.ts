/**
 * The portfolio's URL state (filters, sort, page) and its pure filtering, sorting and paging over the
 * rows the model computed (ADR 019). Pure: shared by the page, its exports and the tests.
 */
import { z } from "zod";
import { emptyToUndefined } from "~/utils/validation.ts";
import { compareLevels, type ExposureLevel } from "./sovereignty.ts";

/** Kinds of organization (ADR 019): the filter of the portfolio and the "type" column of onboarding files. */
export const ORGANIZATION_KINDS = ["commune", "epci", "ccas", "syndicat", "departement", "region", "dpo_service", "other"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PORTFOLIO_SORTS = [
  "name",
  "kind",
  "department",
  "activities",
  "draft",
  "approved",
  "completeness",
  "overdue",
  "dpia",
  "actions",
  "dpa",
  "exposure",
  "last",
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export const PORTFOLIO_PAGE_SIZE = 50;

export const PortfolioQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  kind: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  dep: z.preprocess(emptyToUndefined, z.string().max(3).optional()),
  group: z.preprocess(emptyToUndefined, z.string().max(40).optional()),
  /** Only the organizations whose exposure level changed (the propagation hook of issue 14). */
  changed: z.preprocess(emptyToUndefined, z.literal("1").optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(PORTFOLIO_SORTS).catch("name").default("name")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).catch("asc").default("asc")),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});
export type PortfolioQuery = z.infer<typeof PortfolioQuerySchema>;

/** A bad parameter is ignored (the page still shows), never a 500. */
export function parsePortfolioQuery(params: URLSearchParams): PortfolioQuery {
  const raw = Object.fromEntries([...params.entries()].filter(([k]) => ["q", "kind", "dep", "group", "changed", "sort", "dir", "page"].includes(k)));
  const parsed = PortfolioQuerySchema.safeParse(raw);
  return parsed.success ? parsed.data : PortfolioQuerySchema.parse({});
}

export type SortableRow = {
  name: string;
  kind: string | null;
  departmentCode: string | null;
  groupIds: readonly string[];
  activities: number;
  status: { DRAFT: number; APPROVED: number };
  completeness: number | null;
  overdueReviews: number;
  dpiaMissing: number;
  overdueDpiaActions: number;
  dpaMissing: number;
  dpaDue: number;
  exposure: ExposureLevel;
  exposureChangedAt: string | null;
  lastActivityAt: string | null;
};

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

function compare<R extends SortableRow>(sort: PortfolioSort, a: R, b: R): number {
  const n = (x: number | null) => x ?? -1;
  switch (sort) {
    case "name":
      return collator.compare(a.name, b.name);
    case "kind":
      return collator.compare(a.kind ?? "", b.kind ?? "");
    case "department":
      return collator.compare(a.departmentCode ?? "", b.departmentCode ?? "");
    case "activities":
      return a.activities - b.activities;
    case "draft":
      return a.status.DRAFT - b.status.DRAFT;
    case "approved":
      return a.status.APPROVED - b.status.APPROVED;
    case "completeness":
      return n(a.completeness) - n(b.completeness);
    case "overdue":
      return a.overdueReviews - b.overdueReviews;
    case "dpia":
      return a.dpiaMissing - b.dpiaMissing;
    case "actions":
      return a.overdueDpiaActions - b.overdueDpiaActions;
    case "dpa":
      return a.dpaMissing + a.dpaDue - (b.dpaMissing + b.dpaDue);
    case "exposure":
      return compareLevels(a.exposure, b.exposure);
    case "last":
      return (a.lastActivityAt ?? "").localeCompare(b.lastActivityAt ?? "");
  }
}

/** Filters and sorts every row (ties broken by name), for the page and for the exports. */
export function filterAndSort<R extends SortableRow>(rows: readonly R[], q: PortfolioQuery): R[] {
  const needle = q.q?.toLocaleLowerCase("fr");
  const out = rows.filter(
    (r) =>
      (!needle || r.name.toLocaleLowerCase("fr").includes(needle)) &&
      (!q.kind || r.kind === q.kind) &&
      (!q.dep || r.departmentCode === q.dep) &&
      (!q.group || r.groupIds.includes(q.group)) &&
      (!q.changed || r.exposureChangedAt !== null),
  );
  const sign = q.dir === "desc" ? -1 : 1;
  return out.sort((a, b) => sign * compare(q.sort, a, b) || collator.compare(a.name, b.name));
}

export function pageOf<R>(rows: readonly R[], page: number, size = PORTFOLIO_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(page, pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, total: rows.length };
}

/** The query string of the page with some parameters changed (links for sorting and paging without JS). */
export function portfolioHref(q: PortfolioQuery, change: Partial<Record<keyof PortfolioQuery, string | number | undefined>>): string {
  const p = new URLSearchParams();
  const merged: Record<string, unknown> = { ...q, ...change };
  for (const k of ["q", "kind", "dep", "group", "changed", "sort", "dir", "page"] as const) {
    const v = merged[k];
    if (v === undefined || v === "" || (k === "page" && v === 1) || (k === "sort" && v === "name") || (k === "dir" && v === "asc")) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** French département codes: 01–95 (2A, 2B for Corsica), 971–976 overseas. */
export function isDepartmentCode(v: string): boolean {
  return /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/.test(v);
}
