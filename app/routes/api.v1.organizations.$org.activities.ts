import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createActivity, listActivities } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { activityIdsForDpiaFilter } from "~/models/dpia.server.ts";
import { canCreateActivities, canCreateIn } from "~/policies/activity.ts";
import { ActivityListQuerySchema, ActivityWriteSchema, type ActivityListSchema } from "~/schemas/api.ts";
import { activityResponse, apiJson, apiRequest, methodNotAllowed, readJsonBody } from "~/http/api.server.ts";
import type { z } from "~/utils/validation.ts";

/** The register, with the register page's filters, in the owner's department scope. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    const parsed = ActivityListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      return ctx.problem(400, "validation_failed", { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
    }
    const q = parsed.data;
    const { rows, total } = await listActivities(
      ctx.org.id,
      {
        q: q.q,
        departmentId: q.department,
        status: q.status,
        legalBasis: q.basis,
        sensitive: q.sensitive === undefined ? undefined : q.sensitive === "yes",
        regime: q.regime,
        role: q.role,
        overdue: q.overdue === "1",
        includeArchived: q.status === "ARCHIVED",
        scope: ctx.scope,
        ids: q.dpia ? await activityIdsForDpiaFilter(ctx.org.id, q.dpia, ctx.scope) : undefined,
      },
      q.sort,
      { skip: (q.page - 1) * q.perPage, take: q.perPage },
    );
    const body: z.output<typeof ActivityListSchema> = {
      items: rows.map((r) => ({
        ref: r.ref,
        name: r.name,
        status: r.status as z.output<typeof ActivityListSchema>["items"][number]["status"],
        department: r.departmentId && r.department ? { id: r.departmentId, name: r.department.name } : null,
        legalBases: r.legalBases.split("|").filter(Boolean),
        sensitive: r.hasSensitive || r.hasOffences,
        completeness: r.completeness,
        nextReviewAt: r.nextReviewAt ? r.nextReviewAt.toISOString().slice(0, 10) : null,
        approvedVersion: r.approvedVersion,
        pendingChanges: r.pendingChanges,
        updatedAt: r.updatedAt.toISOString(),
      })),
      page: q.page,
      perPage: q.perPage,
      total,
      pages: Math.max(1, Math.ceil(total / q.perPage)),
    };
    return apiJson(body);
  });
}

/** Creates a draft, with the form's rules: an EDITOR only in their own departments. */
export function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, "GET, POST");
  return apiRequest(request, { org: params.org, write: true }, async (ctx) => {
    if (!canCreateActivities(ctx.membership)) return ctx.problem(403, "forbidden");
    const input = await readJsonBody(ctx, ActivityWriteSchema);
    const departments = await listDepartments(ctx.org.id);
    if (input.departmentId !== null && !departments.some((d) => d.id === input.departmentId)) {
      return ctx.problem(422, "validation_failed", { issues: [{ path: "departmentId", message: "unknown department" }] });
    }
    if (!canCreateIn(ctx.membership, input.departmentId)) return ctx.problem(403, "forbidden", { detail: "department not allowed" });
    const created = await createActivity(ctx.user.id, ctx.org.id, { content: input.content, departmentId: input.departmentId });
    return activityResponse(created, 201, { Location: `/api/v1/organizations/${ctx.org.slug}/activities/${created.ref}` });
  });
}
