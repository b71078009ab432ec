import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import { requireOrgContext } from "~/utils/auth.server.ts";
import { can } from "~/utils/permissions.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const overview = await getOrganizationOverview(ctx.org.id);
  const myDepartments = overview.departments.filter((d) => ctx.membership.departmentIds.includes(d.id));
  return { org: ctx.org, role: ctx.membership.role, overview, myDepartments };
}

export default function OrganizationHome() {
  const { org, role, overview, myDepartments } = useLoaderData<typeof loader>();
  const { t } = useT();
  const base = `/o/${org.slug}`;
  const missing = overview.missingIdentity;
  return (
    <div className="page">
      <h1>{org.name}</h1>
      <p className="lead">{t(`home.welcome.${role}`)}</p>
      {missing.length > 0 && can(role, "org:update") ? (
        <div className="callout warning" role="note">
          <h2>{t("home.identityIncompleteTitle")}</h2>
          <p>{t("home.identityIncompleteBody")}</p>
          <ul>
            {missing.map((f) => (
              <li key={f}>{t(`fields.${f}`)}</li>
            ))}
          </ul>
          <Link to={`${base}/settings`}>{t("home.completeIdentity")}</Link>
        </div>
      ) : null}
      <div className="stats" role="list">
        <div className="stat" role="listitem">
          <span className="stat-value">{overview.departments.length}</span> <span className="stat-label">{t("home.departments")}</span>
        </div>
        <div className="stat" role="listitem">
          <span className="stat-value">{overview.memberCount}</span> <span className="stat-label">{t("home.members")}</span>
        </div>
      </div>
      {role === "EDITOR" ? (
        <section className="panel" aria-labelledby="mydeps">
          <h2 id="mydeps">{t("home.myDepartments")}</h2>
          {myDepartments.length ? (
            <ul>
              {myDepartments.map((d) => (
                <li key={d.id}>{d.name}</li>
              ))}
            </ul>
          ) : (
            <p>{t("home.noDepartmentAssigned")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
