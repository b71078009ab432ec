import { getActivityByRef, type ActivityRecord } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { canComment, canEditActivity, canReadActivity } from "~/policies/activity.ts";
import { activityScope, pickableDepartments, type ActivityScope } from "~/policies/department.ts";
import { forbidden, notFound, requireOrgContext, type OrgContext } from "./auth.server.ts";
import { z } from "~/utils/validation.ts";

const RefSchema = z.string().regex(/^T-\d{4,}$/);

/**
 * Loads an activity of the organization in the URL and checks the member may `need` it:
 * 404 when it does not exist (or belongs to another organization), 403 when the role forbids it.
 */
export async function requireActivity(
  request: Request,
  params: { org?: string; ref?: string },
  need: "read" | "edit" | "comment",
): Promise<{ ctx: OrgContext; activity: ActivityRecord }> {
  const ctx = await requireOrgContext(request, params.org);
  const ref = RefSchema.safeParse(params.ref);
  if (!ref.success) throw notFound();
  const activity = await getActivityByRef(ctx.org.id, ref.data);
  if (!activity) throw notFound();
  const m = ctx.membership;
  if (!canReadActivity(m, activity)) throw forbidden();
  if (need === "edit" && !canEditActivity(m, activity)) throw forbidden();
  if (need === "comment" && !canComment(m, activity)) throw forbidden();
  return { ctx, activity };
}

/** The activities the member may see (app/policies/department.ts); every activity listing takes it. */
export function departmentScope(ctx: OrgContext): ActivityScope {
  return activityScope(ctx.membership);
}

/** The departments this member may attach an activity to (the department <select>). */
export async function listPickableDepartments(ctx: OrgContext) {
  return pickableDepartments(ctx.membership, await listDepartments(ctx.org.id));
}

/** Whether an activity of `departmentId` is inside a scope from departmentScope(). Use it wherever activities are listed. */
export function inDepartmentScope(scope: string[] | undefined, departmentId: string | null): boolean {
  return scope === undefined || (departmentId !== null && scope.includes(departmentId));
}
