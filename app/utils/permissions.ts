/**
 * Kept so older imports still resolve: the rules live in app/policies/ (ADR 011). New code imports
 * from there.
 */
export { ROLES, isRole, type Role, type Member } from "~/policies/roles.ts";
export { PERMISSIONS, can, canAssignRole, type Permission } from "~/policies/organization.ts";
export { canWriteInDepartment } from "~/policies/department.ts";
