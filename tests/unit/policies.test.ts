/**
 * The policy module (app/policies/, ADR 011): the rules that used to sit in routes and models, checked
 * against tables written out by hand.
 */
import { describe, expect, it } from "vitest";
import {
  activityScope,
  ALL_ACTIVITIES,
  apiScopeAllowsWrite,
  canCreateApiToken,
  isApiTokenScope,
  availableDpiaTransitions,
  canCreateFromTemplate,
  canDraftDpia,
  canEditDpia,
  canGiveDpoOpinion,
  canLinkActivity,
  canReadActivity,
  canResetPasswordIn,
  dpiaTransitionDecision,
  inScope,
  mayEverTransition,
  organizationHasAdmin,
  pickableDepartments,
  piaImportDecision,
  roleHasDepartments,
  scopeDepartmentIds,
  type Member,
} from "~/policies/index.ts";

const admin: Member = { role: "ADMIN", departmentIds: [] };
const dpo: Member = { role: "DPO", departmentIds: [] };
const editor: Member = { role: "EDITOR", departmentIds: ["d1"] };
const viewer: Member = { role: "VIEWER", departmentIds: [] };
const mine = { departmentId: "d1", status: "APPROVED" };
const theirs = { departmentId: "d2", status: "DRAFT" };

describe("department scope", () => {
  it("restricts EDITORs to their departments and nobody else", () => {
    expect(activityScope(editor)).toEqual({ kind: "departments", departmentIds: ["d1"] });
    for (const m of [admin, dpo, viewer]) expect(activityScope(m)).toBe(ALL_ACTIVITIES);
    expect(scopeDepartmentIds(activityScope(editor))).toEqual(["d1"]);
    expect(scopeDepartmentIds(ALL_ACTIVITIES)).toBeUndefined();
  });

  it("never lets an EDITOR see an activity without a department", () => {
    expect(inScope(activityScope(editor), null)).toBe(false);
    expect(inScope(activityScope(editor), "d2")).toBe(false);
    expect(inScope(activityScope(editor), "d1")).toBe(true);
    expect(inScope(ALL_ACTIVITIES, null)).toBe(true);
    expect(canReadActivity(editor, { departmentId: null, status: "DRAFT" })).toBe(false);
  });

  it("offers an EDITOR only their departments in the department <select>", () => {
    const all = [{ id: "d1" }, { id: "d2" }];
    expect(pickableDepartments(editor, all)).toEqual([{ id: "d1" }]);
    expect(pickableDepartments(dpo, all)).toEqual(all);
    expect(roleHasDepartments("EDITOR")).toBe(true);
    expect(roleHasDepartments("VIEWER")).toBe(false);
  });
});

describe("activity policies", () => {
  it("links vendors for reviewers and the department's EDITORs, never on an archived activity", () => {
    expect(canLinkActivity(editor, mine)).toBe(true);
    expect(canLinkActivity(editor, theirs)).toBe(false);
    expect(canLinkActivity(viewer, mine)).toBe(false);
    expect(canLinkActivity(dpo, { departmentId: null, status: "SUBMITTED" })).toBe(true);
    expect(canLinkActivity(admin, { departmentId: "d1", status: "ARCHIVED" })).toBe(false);
  });

  it("refuses for the role (403) only moves the role can never make", () => {
    expect(mayEverTransition(editor, mine, "approve")).toBe(false);
    expect(mayEverTransition(editor, mine, "submit")).toBe(true);
    expect(mayEverTransition(editor, theirs, "submit")).toBe(false);
    expect(mayEverTransition(viewer, mine, "submit")).toBe(false);
  });

  it("offers templates to EDITORs only when they have a department", () => {
    expect(canCreateFromTemplate(editor)).toBe(true);
    expect(canCreateFromTemplate({ role: "EDITOR", departmentIds: [] })).toBe(false);
    expect(canCreateFromTemplate(viewer)).toBe(false);
  });
});

describe("DPIA policies", () => {
  it("lets the department draft a DPIA whatever the activity status, except archived", () => {
    for (const status of ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"]) {
      expect(canDraftDpia(editor, { departmentId: "d1", status })).toBe(true);
      expect(canDraftDpia(editor, { departmentId: "d2", status })).toBe(false);
      expect(canDraftDpia(viewer, { departmentId: "d1", status })).toBe(false);
    }
    expect(canDraftDpia(dpo, { departmentId: "d1", status: "ARCHIVED" })).toBe(false);
    expect(canEditDpia(editor, mine, "in_review")).toBe(true);
    expect(canEditDpia(editor, mine, "validated")).toBe(false);
    expect(canEditDpia(editor, mine, null)).toBe(false);
  });

  it("keeps the DPO opinion to the DPO", () => {
    expect(canGiveDpoOpinion(dpo)).toBe(true);
    expect(canGiveDpoOpinion(admin)).toBe(false);
  });

  it("decides PIA imports: 403 for the role, 400 for the state", () => {
    const table: [Member, Parameters<typeof piaImportDecision>[2], string][] = [
      [editor, null, "allowed"],
      [editor, "draft", "allowed"],
      [editor, "in_review", "forbidden"],
      [editor, "validated", "forbidden"],
      [dpo, "in_review", "allowed"],
      [dpo, "validated", "invalid"],
      [admin, "archived", "invalid"],
      [viewer, null, "forbidden"],
    ];
    for (const [m, status, expected] of table) expect(`${m.role} ${status}: ${piaImportDecision(m, mine, status)}`).toBe(`${m.role} ${status}: ${expected}`);
    expect(piaImportDecision(editor, theirs, null)).toBe("forbidden");
  });

  it("decides DPIA transitions: reviewer-only moves are 403 for editors, wrong states 400", () => {
    expect(dpiaTransitionDecision(editor, mine, "draft", "submit")).toBe("allowed");
    expect(dpiaTransitionDecision(editor, mine, "in_review", "submit")).toBe("invalid");
    expect(dpiaTransitionDecision(editor, mine, "in_review", "validate")).toBe("forbidden");
    expect(dpiaTransitionDecision(editor, mine, "validated", "validate")).toBe("forbidden");
    expect(dpiaTransitionDecision(dpo, mine, "validated", "validate")).toBe("invalid");
    expect(dpiaTransitionDecision(dpo, { departmentId: "d1", status: "ARCHIVED" }, "draft", "submit")).toBe("forbidden");
    expect(availableDpiaTransitions(editor, mine, "draft")).toEqual(["submit"]);
    expect(availableDpiaTransitions(dpo, mine, "in_review")).toEqual(["withdraw", "validate", "refuse", "archive"]);
    expect(availableDpiaTransitions(editor, theirs, "draft")).toEqual([]);
  });
});

describe("organization policies", () => {
  it("lets a password reset through only where the actor manages the target's role", () => {
    expect(canResetPasswordIn("DPO", "EDITOR", true)).toBe(true);
    expect(canResetPasswordIn("DPO", "ADMIN", true)).toBe(false);
    expect(canResetPasswordIn("DPO", "ADMIN", false)).toBe(true);
    expect(canResetPasswordIn("EDITOR", "VIEWER", true)).toBe(false);
    expect(organizationHasAdmin(["DPO", "ADMIN"])).toBe(true);
    expect(organizationHasAdmin(["DPO"])).toBe(false);
  });
});

describe("API token policies", () => {
  it("lets every member create tokens (never more than their own rights), and only write tokens write", () => {
    for (const m of [admin, dpo, editor, viewer]) expect(canCreateApiToken(m)).toBe(true);
    expect(apiScopeAllowsWrite("write")).toBe(true);
    expect(apiScopeAllowsWrite("read")).toBe(false);
    expect(apiScopeAllowsWrite("admin")).toBe(false);
    expect(isApiTokenScope("read")).toBe(true);
    expect(isApiTokenScope("all")).toBe(false);
  });
});
