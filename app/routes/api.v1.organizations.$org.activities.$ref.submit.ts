import type { ActionFunctionArgs } from "@remix-run/node";
import { ConflictError, InvalidTransitionError, transitionActivity } from "~/models/activity.server.ts";
import { canTransition, mayEverTransition } from "~/policies/activity.ts";
import { activityResponse, apiRequest, etag, methodNotAllowed, requireApiActivity, requireIfMatch } from "~/http/api.server.ts";

export function loader({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "POST");
}

/** Submits for validation, under the workflow's rules: 403 when the role never may, 409 when the state does not allow it. */
export function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, "POST");
  return apiRequest(request, { org: params.org, write: true }, async (ctx) => {
    const activity = await requireApiActivity(ctx, params.ref, "read");
    if (!mayEverTransition(ctx.membership, activity, "submit")) return ctx.problem(403, "forbidden");
    const revision = requireIfMatch(ctx);
    if (revision !== activity.revision) return ctx.problem(412, "precondition_failed", { headers: { ETag: etag(activity.revision) } });
    if (!canTransition(ctx.membership, activity, "submit")) return ctx.problem(409, "invalid_transition");
    try {
      return activityResponse(await transitionActivity(ctx.user.id, ctx.org.id, activity.id, revision, "submit"));
    } catch (err) {
      if (err instanceof ConflictError) return ctx.problem(412, "precondition_failed", { headers: { ETag: etag(err.current.revision) } });
      if (err instanceof InvalidTransitionError) return ctx.problem(409, "invalid_transition");
      throw err;
    }
  });
}
