import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireOrgContext } from "~/http/auth.server.ts";

/** Every page under /o/:org is scoped to an organization the user belongs to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  return { org: { slug: ctx.org.slug, name: ctx.org.name }, role: ctx.membership.role };
}

export default function OrganizationLayout() {
  return <Outlet />;
}
