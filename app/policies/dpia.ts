/**
 * The DPIA (AIPD) of an activity: who drafts it, imports a CNIL PIA file, gives the DPO opinion, and
 * moves it through its workflow. Readers of the activity read it (see canReadActivity).
 */
import type { DpiaStatus, DpiaTransition } from "~/schemas/dpia.ts";
import { canWriteInDepartment } from "./department.ts";
import { isReviewer, type Member } from "./roles.ts";

type ActivityRef = { departmentId: string | null; status: string };

const FROM: Record<DpiaTransition, readonly DpiaStatus[]> = {
  submit: ["draft"],
  withdraw: ["in_review"],
  validate: ["draft", "in_review"],
  refuse: ["draft", "in_review"],
  archive: ["draft", "in_review", "validated", "refused"],
  reopen: ["validated", "refused", "archived"],
};

export const DPIA_TRANSITION_TARGET: Record<DpiaTransition, DpiaStatus> = {
  submit: "in_review",
  withdraw: "draft",
  validate: "validated",
  refuse: "refused",
  archive: "archived",
  reopen: "draft",
};

const REVIEWER_ONLY: readonly DpiaTransition[] = ["validate", "refuse", "archive", "reopen"];

/**
 * Reviewers and the EDITORs of the activity's department draft its DPIA, whatever the activity's own
 * status (a DPIA often follows an approved record), except when the activity is ARCHIVED.
 */
export function canDraftDpia(m: Member, a: ActivityRef): boolean {
  return a.status !== "ARCHIVED" && canWriteInDepartment(m, a.departmentId);
}

/** Content, risks, measures and action plan change while the DPIA is a draft or in review. */
export function canEditDpia(m: Member, a: ActivityRef, status: DpiaStatus | null): boolean {
  return canDraftDpia(m, a) && (status === "draft" || status === "in_review");
}

/** The DPO's opinion is the DPO's own (Art. 35(2) GDPR), not an ADMIN's. */
export function canGiveDpoOpinion(m: Pick<Member, "role">): boolean {
  return m.role === "DPO";
}

/** What a policy answers when the action is refused: 403 for the role, 400 for the state. */
export type Decision = "allowed" | "forbidden" | "invalid";

/**
 * Importing a CNIL PIA file: reviewers into a draft or a DPIA in review; the department's editors
 * into a draft (or a new DPIA). An editor facing a DPIA in review is refused for their role; a
 * DPIA that is validated, refused or archived is refused for its state.
 */
export function piaImportDecision(m: Member, a: ActivityRef, status: DpiaStatus | null): Decision {
  if (!canDraftDpia(m, a)) return "forbidden";
  if (status === null || status === "draft") return "allowed";
  if (status === "in_review" && isReviewer(m.role)) return "allowed";
  return isReviewer(m.role) ? "invalid" : "forbidden";
}

export function canImportPia(m: Member, a: ActivityRef, status: DpiaStatus | null): boolean {
  return piaImportDecision(m, a, status) === "allowed";
}

/** Whether the DPIA's status allows the transition at all, whoever asks (the model's guard). */
export function dpiaTransitionFrom(status: DpiaStatus, t: DpiaTransition): boolean {
  return FROM[t].includes(status);
}

/** Validation, refusal, archiving and reopening are the reviewers'; a wrong state is a 400, a wrong role a 403. */
export function dpiaTransitionDecision(m: Member, a: ActivityRef, status: DpiaStatus, t: DpiaTransition): Decision {
  if (!canDraftDpia(m, a)) return "forbidden";
  if (REVIEWER_ONLY.includes(t) && !isReviewer(m.role)) return "forbidden";
  return dpiaTransitionFrom(status, t) ? "allowed" : "invalid";
}

export function availableDpiaTransitions(m: Member, a: ActivityRef, status: DpiaStatus): DpiaTransition[] {
  return (Object.keys(FROM) as DpiaTransition[]).filter((t) => dpiaTransitionDecision(m, a, status, t) === "allowed");
}
