/**
 * Who may do what with the breach register (issue 15). Pure functions shared by routes and UI.
 * DPO and ADMIN manage every breach. An EDITOR may report a suspected breach for one of their
 * departments and follow its status (and comment on it), never another department's breaches.
 * A VIEWER sees none: breach details are not for general reading.
 */
import type { Role } from "./roles.ts";

export type BreachActor = { role: Role; departmentIds: readonly string[] };
export type BreachRef = { departmentId: string | null; status: string };

export const BREACH_STATUSES = ["OPEN", "ASSESSED", "NOTIFIED", "NOT_NOTIFIED", "CLOSED"] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

export function managesBreaches(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}

/** Opening the register at all (list page, dashboard clocks). */
export function canListBreaches(m: BreachActor): boolean {
  return managesBreaches(m.role) || m.role === "EDITOR";
}

export function canReadBreach(m: BreachActor, b: BreachRef): boolean {
  if (managesBreaches(m.role)) return true;
  return m.role === "EDITOR" && b.departmentId !== null && m.departmentIds.includes(b.departmentId);
}

/** Reporting: an EDITOR only for one of their departments. */
export function canReportBreach(m: BreachActor, departmentId: string | null): boolean {
  if (managesBreaches(m.role)) return true;
  return m.role === "EDITOR" && departmentId !== null && m.departmentIds.includes(departmentId);
}

/** Facts, assessment, decisions, notifications, closing and drafts belong to the DPO and ADMIN. */
export function canManageBreach(m: BreachActor, b: BreachRef): boolean {
  return managesBreaches(m.role) && b.status !== "CLOSED";
}

export function canCommentBreach(m: BreachActor, b: BreachRef): boolean {
  return canReadBreach(m, b);
}

/** Drafts of notifications and letters and the register exports. */
export function canDraftBreach(m: BreachActor): boolean {
  return managesBreaches(m.role);
}

export const BREACH_TRANSITIONS = ["assess", "notify", "notNotified", "close", "reopen"] as const;
export type BreachTransition = (typeof BREACH_TRANSITIONS)[number];

const FROM: Record<BreachTransition, readonly BreachStatus[]> = {
  // Saving the assessment of an open breach marks it assessed; a later save re-assesses it.
  assess: ["OPEN", "ASSESSED", "NOTIFIED", "NOT_NOTIFIED"],
  // An initial notification; complementary and final ones follow while NOTIFIED.
  notify: ["ASSESSED", "NOT_NOTIFIED", "NOTIFIED"],
  notNotified: ["ASSESSED"],
  close: ["NOTIFIED", "NOT_NOTIFIED"],
  reopen: ["CLOSED"],
};

export function canTransitionBreach(m: BreachActor, b: BreachRef, t: BreachTransition): boolean {
  if (!managesBreaches(m.role)) return false;
  return (FROM[t] as readonly string[]).includes(b.status);
}
