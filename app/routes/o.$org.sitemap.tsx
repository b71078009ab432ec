/** The site map (RGAA 12.1, a second way to navigate): every page of the organization this member may open. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isReviewer } from "~/policies/roles.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { can } from "~/policies/organization.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const role = ctx.membership.role;
  return {
    org: { slug: ctx.org.slug, name: ctx.org.name },
    may: {
      create: isReviewer(role) || (role === "EDITOR" && ctx.membership.departmentIds.length > 0),
      export: can(role, "register:export"),
      manage: can(role, "org:update"),
      members: can(role, "members:read"),
      departments: can(role, "departments:manage"),
      audit: can(role, "audit:read"),
    },
  };
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "accessibility.sitemap.title");

export default function SiteMap() {
  const { org, may } = useLoaderData<typeof loader>();
  const { t } = useT();
  const base = `/o/${org.slug}`;
  const groups: { title: string; links: [string, string, boolean][] }[] = [
    {
      title: t("accessibility.sitemap.activities"),
      links: [
        [base, t("dashboard.title"), true],
        [`${base}/activities`, t("register.title"), true],
        [`${base}/activities/new`, t("start.fromScratch"), may.create],
        [`${base}/templates`, t("templatesUi.title"), true],
        [`${base}/import`, t("start.fromImport"), may.manage],
        [`${base}/vendors`, t("nav.vendors"), true],
        [`${base}/hosting`, t("onboarding.step.vendors.hosting"), may.manage],
        [`${base}/sovereignty`, t("nav.sovereignty"), true],
        [`${base}/catalogue`, t("catalogue.title"), true],
        [`${base}/models`, t("models.title"), may.manage],
        [`${base}/exports`, t("exports.title"), may.export],
        [`/public/${org.slug}`, t("onboarding.step.publish.public"), true],
      ],
    },
    {
      title: t("accessibility.sitemap.organization"),
      links: [
        [`${base}/settings`, t("org.settingsTitle"), true],
        [`${base}/members`, t("members.title"), may.members],
        [`${base}/departments`, t("departments.title"), may.departments],
        [`${base}/audit`, t("auditLog.title"), may.audit],
        [`${base}/notifications`, t("notifications.title"), true],
      ],
    },
    {
      title: t("accessibility.sitemap.you"),
      links: [
        ["/account", t("account.title"), true],
        [`/accessibilite?org=${org.slug}`, t("accessibility.title"), true],
      ],
    },
  ];
  return (
    <div className="page">
      <h1>{t("accessibility.sitemap.title")}</h1>
      <p className="lead">{t("accessibility.sitemap.intro", { organization: org.name })}</p>
      {groups.map((g, i) => (
        <section key={g.title} aria-labelledby={`sitemap-${i}`}>
          <h2 id={`sitemap-${i}`}>{g.title}</h2>
          <ul>
            {g.links
              .filter(([, , shown]) => shown)
              .map(([to, label]) => (
                <li key={to}>
                  <Link to={to}>{label}</Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
