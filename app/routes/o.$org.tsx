import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { countNotifications } from "~/models/catalogue.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";

/** Every page under /o/:org is scoped to an organization the user belongs to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  // The member's uncleared in-app notifications (issue 14), counted in the navigation.
  const notifications = await countNotifications(ctx.user.id, ctx.org.id);
  return { org: { slug: ctx.org.slug, name: ctx.org.name }, role: ctx.membership.role, notifications };
}

export default function OrganizationLayout() {
  return <Outlet />;
}
