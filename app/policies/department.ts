/**
 * The department scope: EDITORs see and act only in the departments assigned to them; the other roles
 * see the whole organization. Every query that lists activities takes an ActivityScope built here.
 */
import { isReviewer, type Member, type Role } from "./roles.ts";

export type ActivityScope = { readonly kind: "all" } | { readonly kind: "departments"; readonly departmentIds: readonly string[] };

/** The whole organization: reviewers, VIEWERs, and system jobs (exports, the CLI, the public register). */
export const ALL_ACTIVITIES: ActivityScope = { kind: "all" };

export function activityScope(m: Member): ActivityScope {
  return m.role === "EDITOR" ? { kind: "departments", departmentIds: m.departmentIds } : ALL_ACTIVITIES;
}

/** The department ids a query must restrict to, or undefined for no restriction. */
export function scopeDepartmentIds(scope: ActivityScope): readonly string[] | undefined {
  return scope.kind === "all" ? undefined : scope.departmentIds;
}

export function inScope(scope: ActivityScope, departmentId: string | null): boolean {
  return scope.kind === "all" || (departmentId !== null && scope.departmentIds.includes(departmentId));
}

/** EDITORs act only in the departments assigned to them; ADMIN and DPO act everywhere; VIEWERs nowhere. */
export function canWriteInDepartment(m: Member, departmentId: string | null): boolean {
  if (isReviewer(m.role)) return true;
  if (m.role === "EDITOR") return departmentId !== null && m.departmentIds.includes(departmentId);
  return false;
}

/** The departments offered in a form's department <select>. */
export function pickableDepartments<D extends { id: string }>(m: Member, all: readonly D[]): D[] {
  return m.role === "EDITOR" ? all.filter((d) => m.departmentIds.includes(d.id)) : [...all];
}

/** Only reviewers may leave an activity outside every department. */
export function mayLeaveWithoutDepartment(m: Member): boolean {
  return isReviewer(m.role);
}

/** Only EDITORs are tied to departments; the departments given with another role are ignored. */
export function roleHasDepartments(role: Role): boolean {
  return role === "EDITOR";
}
