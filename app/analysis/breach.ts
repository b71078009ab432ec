/**
 * Pure rules of the breach register: the 72-hour clock (Art. 33(1)), the ENISA severity method used
 * to support the risk assessment (ADR 013), and the scope of a breach at a vendor (every activity that
 * uses one of its services, directly or through a chain of sub-processors).
 */
import { walkServices, type ServiceGraph } from "./sovereignty.ts";

export const HOURS_72 = 72 * 3600 * 1000;

export type ClockState = "running" | "overdue" | "notified_in_time" | "notified_late" | "not_required";

export type BreachClock = {
  deadline: Date;
  state: ClockState;
  /** Milliseconds left (negative once the deadline has passed), measured at `now` or at the first notification. */
  remainingMs: number;
};

/**
 * The clock runs from the moment the organization became aware of the breach. It stops at the first
 * (initial) notification; it does not matter once the decision is not to notify.
 */
export function breachClock(awareAt: Date, firstNotificationAt: Date | null, now: Date, notificationRequired: boolean | null = null): BreachClock {
  const deadline = new Date(awareAt.getTime() + HOURS_72);
  if (firstNotificationAt) {
    const remainingMs = deadline.getTime() - firstNotificationAt.getTime();
    return { deadline, state: remainingMs >= 0 ? "notified_in_time" : "notified_late", remainingMs };
  }
  const remainingMs = deadline.getTime() - now.getTime();
  if (notificationRequired === false) return { deadline, state: "not_required", remainingMs };
  return { deadline, state: remainingMs >= 0 ? "running" : "overdue", remainingMs };
}

/** Art. 33(1): a notification made after 72 hours must give the reasons for the delay. */
export function needsDelayReason(awareAt: Date, sentAt: Date): boolean {
  return sentAt.getTime() - awareAt.getTime() > HOURS_72;
}

/** "41 h 12 min" style split, for display. */
export function splitDuration(ms: number): { hours: number; minutes: number } {
  const abs = Math.abs(ms);
  return { hours: Math.floor(abs / 3600_000), minutes: Math.floor((abs % 3600_000) / 60_000) };
}

// ---------------------------------------------------------------------------------------------
// ENISA, "Recommendations for a methodology of the assessment of severity of personal data breaches"
// (2013): SE = DPC × EI + CB.

export const DPC_LEVELS = [1, 2, 3, 4] as const;
export const EI_LEVELS = [0.25, 0.5, 0.75, 1] as const;
export type EnisaInput = {
  /** Data processing context: 1 simple, 2 behavioural, 3 financial, 4 sensitive (after adjustments). */
  dpc: number;
  /** Ease of identification: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum. */
  ei: number;
  /** Circumstances of the breach, each 0 (none), 0.25 (without known illegal processing) or 0.5 (with). */
  confidentiality: number;
  integrity: number;
  availability: number;
  malicious: boolean;
};
export type EnisaLevel = "low" | "medium" | "high" | "very_high";
export type RiskLevel = "NONE" | "RISK" | "HIGH";

export function enisaSeverity(i: EnisaInput): { score: number; level: EnisaLevel; suggested: RiskLevel } {
  const cb = i.confidentiality + i.integrity + i.availability + (i.malicious ? 0.5 : 0);
  const score = Math.round((i.dpc * i.ei + cb) * 100) / 100;
  const level: EnisaLevel = score < 2 ? "low" : score < 3 ? "medium" : score < 4 ? "high" : "very_high";
  // Low severity: the breach is unlikely to result in a risk (Art. 33(1), no notification);
  // medium: a risk (notify the CNIL); high and very high: a high risk (inform the people, Art. 34(1)).
  const suggested: RiskLevel = level === "low" ? "NONE" : level === "medium" ? "RISK" : "HIGH";
  return { score, level, suggested };
}

const FINANCIAL = new Set(["economic", "nir"]);
const BEHAVIOURAL = new Set(["personal_life", "location", "connection", "professional_life"]);

/** The ENISA starting point for the DPC from the data categories concerned (the DPO can adjust it). */
export function suggestedDpc(categories: readonly string[], sensitive: (c: string) => boolean): number {
  if (categories.some((c) => sensitive(c) || c === "offences")) return 4;
  if (categories.some((c) => FINANCIAL.has(c))) return 3;
  if (categories.some((c) => BEHAVIOURAL.has(c))) return 2;
  return 1;
}

/** What the risk level implies (Art. 33(1) and 34(1)); the DPO records the actual decisions. */
export function impliedDecisions(risk: RiskLevel): { notifyCnil: boolean; informSubjects: boolean } {
  return { notifyCnil: risk !== "NONE", informSubjects: risk === "HIGH" };
}

// ---------------------------------------------------------------------------------------------
// Scope of a breach at a vendor.

export type ScopeActivity = {
  id: string;
  ref: string;
  name: string;
  serviceIds: string[];
  dataCategories: string[];
  subjects: { category: string; estimatedCount: number | null }[];
};
export type ScopeEntry = {
  id: string;
  ref: string;
  name: string;
  direct: boolean;
  via: string[];
  dataCategories: string[];
  subjects: ScopeActivity["subjects"];
  people: number | null;
};

/**
 * Every activity whose linked services reach one of `vendorId`'s services: directly (the activity
 * uses it) or through sub-processors (the chain is given). `people` sums the subjects' estimated
 * counts (null when none is known): an upper bound, as one person can be in several categories.
 */
export function breachScopeForVendor(graph: ServiceGraph, vendorId: string, activities: readonly ScopeActivity[]): ScopeEntry[] {
  const reach = new Map<string, { direct: boolean; via: string[] }>();
  const walkCache = new Map<string, { direct: boolean; via: string[] } | null>();
  const hitOf = (serviceId: string) => {
    if (walkCache.has(serviceId)) return walkCache.get(serviceId)!;
    let hit: { direct: boolean; via: string[] } | null = null;
    for (const v of walkServices(graph, serviceId)) {
      if (v.service.vendor.id !== vendorId) continue;
      const direct = v.chain.length === 1;
      if (!hit || (direct && !hit.direct) || (!hit.direct && v.chain.length < hit.via.length)) hit = { direct, via: v.chain };
      if (direct) break;
    }
    walkCache.set(serviceId, hit);
    return hit;
  };
  const out: ScopeEntry[] = [];
  for (const a of activities) {
    let best: { direct: boolean; via: string[] } | null = null;
    for (const s of a.serviceIds) {
      const h = hitOf(s);
      if (h && (!best || (h.direct && !best.direct))) best = h;
    }
    if (!best) continue;
    reach.set(a.id, best);
    const counts = a.subjects.map((s) => s.estimatedCount).filter((n): n is number => typeof n === "number");
    out.push({
      id: a.id,
      ref: a.ref,
      name: a.name,
      direct: best.direct,
      via: best.via,
      dataCategories: a.dataCategories,
      subjects: a.subjects,
      people: counts.length ? counts.reduce((x, y) => x + y, 0) : null,
    });
  }
  return out;
}

/** Prefill of a breach's data and subjects from its activities: union of categories, summed counts. */
export function prefillFromActivities(activities: readonly Pick<ScopeActivity, "dataCategories" | "subjects">[]) {
  const dataCategories = [...new Set(activities.flatMap((a) => a.dataCategories))];
  const subjects = new Map<string, number | null>();
  for (const a of activities) {
    for (const s of a.subjects) {
      const prev = subjects.get(s.category);
      const n = s.estimatedCount;
      subjects.set(s.category, prev === undefined ? n : prev === null && n === null ? null : (prev ?? 0) + (n ?? 0));
    }
  }
  return { dataCategories, subjects: [...subjects.entries()].map(([category, count]) => ({ category, count })) };
}
