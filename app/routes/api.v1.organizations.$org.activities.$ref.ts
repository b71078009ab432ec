import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ConflictError, InvalidTransitionError, saveActivity } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { canCreateIn } from "~/policies/activity.ts";
import { ActivityWriteSchema } from "~/schemas/api.ts";
import { activityResponse, apiRequest, etag, methodNotAllowed, readJsonBody, requireApiActivity, requireIfMatch } from "~/http/api.server.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => activityResponse(await requireApiActivity(ctx, params.ref, "read")));
}

/**
 * Replaces the working copy, as the edit form does (editing an APPROVED activity opens a new draft).
 * If-Match carries the revision read: 428 without it, 412 when someone saved since.
 */
export function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PUT") return methodNotAllowed(request, "GET, PUT");
  return apiRequest(request, { org: params.org, write: true }, async (ctx) => {
    const activity = await requireApiActivity(ctx, params.ref, "edit");
    const revision = requireIfMatch(ctx);
    const input = await readJsonBody(ctx, ActivityWriteSchema);
    const departments = await listDepartments(ctx.org.id);
    if (input.departmentId !== null && !departments.some((d) => d.id === input.departmentId)) {
      return ctx.problem(422, "validation_failed", { issues: [{ path: "departmentId", message: "unknown department" }] });
    }
    if (input.departmentId !== activity.departmentId && !canCreateIn(ctx.membership, input.departmentId)) {
      return ctx.problem(403, "forbidden", { detail: "department not allowed" });
    }
    try {
      return activityResponse(await saveActivity(ctx.user.id, ctx.org.id, activity.id, revision, { content: input.content, departmentId: input.departmentId }));
    } catch (err) {
      if (err instanceof ConflictError) return ctx.problem(412, "precondition_failed", { headers: { ETag: etag(err.current.revision) } });
      if (err instanceof InvalidTransitionError) return ctx.problem(409, "invalid_transition");
      throw err;
    }
  });
}
