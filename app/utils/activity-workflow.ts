/** The review workflow: who may do what to an activity in which status. Shared by server and UI. */
import type { ActivityStatus } from "~/reference/vocabularies.ts";
import type { Role } from "./permissions.ts";

export const TRANSITIONS = ["submit", "withdraw", "approve", "requestChanges", "archive", "restore"] as const;
export type Transition = (typeof TRANSITIONS)[number];

const FROM: Record<Transition, readonly ActivityStatus[]> = {
  submit: ["DRAFT", "CHANGES_REQUESTED"],
  withdraw: ["SUBMITTED"],
  approve: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"],
  requestChanges: ["SUBMITTED"],
  archive: ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"],
  restore: ["ARCHIVED"],
};

export const TRANSITION_TARGET: Record<Transition, ActivityStatus> = {
  submit: "SUBMITTED",
  withdraw: "DRAFT",
  approve: "APPROVED",
  requestChanges: "CHANGES_REQUESTED",
  archive: "ARCHIVED",
  restore: "DRAFT",
};

const REVIEWER_ONLY: readonly Transition[] = ["approve", "requestChanges", "archive", "restore"];

export type ActivityAccess = { role: Role; departmentIds: readonly string[] };
type ActivityRef = { departmentId: string | null; status: string };

export function isReviewer(role: Role): boolean {
  return role === "ADMIN" || role === "DPO";
}

/** EDITORs see and act only on their departments' activities; the others see everything. */
export function canReadActivity(m: ActivityAccess, a: ActivityRef): boolean {
  if (m.role === "EDITOR") return a.departmentId !== null && m.departmentIds.includes(a.departmentId);
  return true;
}

/** Editing an approved activity opens a new draft; a submitted one is the DPO's to edit. */
export function canEditActivity(m: ActivityAccess, a: ActivityRef): boolean {
  if (a.status === "ARCHIVED") return false;
  if (isReviewer(m.role)) return true;
  if (m.role !== "EDITOR" || !canReadActivity(m, a)) return false;
  return a.status === "DRAFT" || a.status === "CHANGES_REQUESTED" || a.status === "APPROVED";
}

export function canComment(m: ActivityAccess, a: ActivityRef): boolean {
  return isReviewer(m.role) || (m.role === "EDITOR" && canReadActivity(m, a));
}

export function canCreateIn(m: ActivityAccess, departmentId: string | null): boolean {
  if (isReviewer(m.role)) return true;
  return m.role === "EDITOR" && departmentId !== null && m.departmentIds.includes(departmentId);
}

export function canTransition(m: ActivityAccess, a: ActivityRef, t: Transition): boolean {
  if (!(FROM[t] as readonly string[]).includes(a.status)) return false;
  if (REVIEWER_ONLY.includes(t)) return isReviewer(m.role);
  return isReviewer(m.role) || (m.role === "EDITOR" && canReadActivity(m, a));
}

export function availableTransitions(m: ActivityAccess, a: ActivityRef): Transition[] {
  return TRANSITIONS.filter((t) => canTransition(m, a, t));
}
