/** Activities: who may read, edit, comment, create, publish, link vendors, and move them through the review workflow. */
import { ACTIVITY_STATUSES, type ActivityStatus } from "~/reference/vocabularies.ts";
import { canWriteInDepartment, inScope, activityScope } from "./department.ts";
import { can } from "./organization.ts";
import { isReviewer, type Member } from "./roles.ts";

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

/** @deprecated name kept for merges: use Member from ./roles.ts. */
export type ActivityAccess = Member;
export type ActivityRef = { departmentId: string | null; status: string };

export { isReviewer };

/** EDITORs see and act only on their departments' activities; the others see everything. */
export function canReadActivity(m: Member, a: ActivityRef): boolean {
  return inScope(activityScope(m), a.departmentId);
}

/** Editing an approved activity opens a new draft; a submitted one is the DPO's to edit. */
export function canEditActivity(m: Member, a: ActivityRef): boolean {
  if (a.status === "ARCHIVED") return false;
  if (isReviewer(m.role)) return true;
  if (m.role !== "EDITOR" || !canReadActivity(m, a)) return false;
  return a.status === "DRAFT" || a.status === "CHANGES_REQUESTED" || a.status === "APPROVED";
}

export function canComment(m: Member, a: ActivityRef): boolean {
  return isReviewer(m.role) || (m.role === "EDITOR" && canReadActivity(m, a));
}

/** Whether the member may create activities at all (the "new" and template pages). */
export function canCreateActivities(m: Member): boolean {
  return isReviewer(m.role) || m.role === "EDITOR";
}

/** Whether the template library offers "use this template": an EDITOR needs at least one department. */
export function canCreateFromTemplate(m: Member): boolean {
  return isReviewer(m.role) || (m.role === "EDITOR" && m.departmentIds.length > 0);
}

/** Creating an activity in, or moving one to, a department (null: none). */
export function canCreateIn(m: Member, departmentId: string | null): boolean {
  if (isReviewer(m.role)) return true;
  return m.role === "EDITOR" && departmentId !== null && m.departmentIds.includes(departmentId);
}

/** The guided declaration is where EDITORs start; reviewers get the full form. */
export function prefersGuidedForm(m: Member): boolean {
  return m.role === "EDITOR";
}

export function canTransition(m: Member, a: ActivityRef, t: Transition): boolean {
  if (!(FROM[t] as readonly string[]).includes(a.status)) return false;
  if (REVIEWER_ONLY.includes(t)) return isReviewer(m.role);
  return isReviewer(m.role) || (m.role === "EDITOR" && canReadActivity(m, a));
}

export function availableTransitions(m: Member, a: ActivityRef): Transition[] {
  return TRANSITIONS.filter((t) => canTransition(m, a, t));
}

/** Whether this member could ever make transition `t` on this activity, whatever its status (403 when not). */
export function mayEverTransition(m: Member, a: Pick<ActivityRef, "departmentId">, t: Transition): boolean {
  return ACTIVITY_STATUSES.some((status) => canTransition(m, { departmentId: a.departmentId, status }, t));
}

/** Whether the status allows the transition at all, whoever asks (the model's guard). */
export function transitionAllowedFrom(status: string, t: Transition): boolean {
  return (FROM[t] as readonly string[]).includes(status);
}

/** Publishing an activity in the public register is an organization decision. */
export function canPublishActivity(m: Pick<Member, "role">): boolean {
  return can(m.role, "org:update");
}

/** The DPIA screening decision (needed or not, and why) is the reviewers'. */
export function canDecideScreening(m: Pick<Member, "role">): boolean {
  return isReviewer(m.role);
}

/**
 * Linking vendors and hosting: ADMIN and DPO, and EDITORs of the activity's department, whatever the
 * status (links are not part of the versioned record, so linking does not reopen an APPROVED
 * activity), except ARCHIVED ones, which are read-only.
 */
export function canLinkActivity(m: Member, a: ActivityRef): boolean {
  return a.status !== "ARCHIVED" && canWriteInDepartment(m, a.departmentId);
}
