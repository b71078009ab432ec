import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { canCreateApiToken } from "~/policies/api-token.ts";
import { canListBreaches } from "~/policies/breach.ts";
import { canManageCatalogue } from "~/policies/catalogue.ts";
import { canListRequests } from "~/policies/request.ts";
import { can } from "~/policies/organization.ts";
import type { Role } from "~/policies/roles.ts";
import { useT } from "~/utils/use-i18n.ts";

type OrgLayoutData = { org: { slug: string; name: string }; role: Role; notifications?: number } | undefined;

/** Navigation of an organization: only what the member's role may open. */
export function OrgNav() {
  const data = useRouteLoaderData("routes/o.$org") as OrgLayoutData;
  const { t } = useT();
  if (!data) return null;
  const base = `/o/${data.org.slug}`;
  const items: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t("nav.home"), end: true },
    { to: `${base}/activities`, label: t("nav.register") },
    { to: `${base}/vendors`, label: t("nav.vendors") },
    // Where the data can go and whose law can reach it: every member may read it.
    { to: `${base}/sovereignty`, label: t("nav.sovereignty") },
    // Shared catalogue and notifications (issue 14): every member reads them.
    { to: `${base}/catalogue`, label: t("nav.catalogue") },
    { to: `${base}/notifications`, label: data.notifications ? t("nav.notificationsCount", { count: data.notifications }) : t("nav.notifications") },
  ];
  if (canManageCatalogue({ role: data.role })) items.push({ to: `${base}/models`, label: t("nav.models") });
  if (canListBreaches({ role: data.role, departmentIds: [] })) items.push({ to: `${base}/breaches`, label: t("nav.breaches") });
  if (canListRequests(data.role)) items.push({ to: `${base}/requests`, label: t("nav.requests") });
  if (can(data.role, "register:export")) items.push({ to: `${base}/exports`, label: t("nav.exports") });
  if (can(data.role, "members:read")) items.push({ to: `${base}/members`, label: t("nav.members") });
  if (can(data.role, "departments:manage")) items.push({ to: `${base}/departments`, label: t("nav.departments") });
  if (can(data.role, "audit:read")) items.push({ to: `${base}/audit`, label: t("nav.audit") });
  if (can(data.role, "mail:outbox")) items.push({ to: `${base}/outbox`, label: t("outbox.nav") });
  if (can(data.role, "org:sign-in")) items.push({ to: `${base}/sign-in`, label: t("sso.settingsTitle") });
  if (canCreateApiToken({ role: data.role })) items.push({ to: `${base}/api-tokens`, label: t("nav.apiTokens") });
  items.push({ to: `${base}/settings`, label: t("nav.settings") });
  return (
    <nav className="org-nav" aria-label={t("nav.orgNavigation", { name: data.org.name })}>
      <p className="org-nav-name">
        {data.org.name} <span className="role-badge">{t(`roles.${data.role}`)}</span>
      </p>
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.end} prefetch="intent">
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
