/** The breadcrumb trail above a page: links to the pages above it, then the current page (RGAA 12.2). */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/utils/use-i18n.ts";

export type Crumb = { to: string; label: ReactNode };

export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: ReactNode }) {
  const { t } = useT();
  return (
    <nav aria-label={t("ui.breadcrumb")} className="breadcrumb">
      <ol>
        {trail.map((c) => (
          <li key={c.to}>
            <Link to={c.to}>{c.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

/** An activity's sub-pages (edit, history, screening, DPIA, guided steps, versions): register › activity › … › page. */
export function ActivityBreadcrumbs({ org, activityRef, trail = [], current }: { org: string; activityRef: string; trail?: Crumb[]; current: ReactNode }) {
  const { t } = useT();
  const register = `/o/${org}/activities`;
  return (
    <Breadcrumbs trail={[{ to: register, label: t("nav.register") }, { to: `${register}/${activityRef}`, label: activityRef }, ...trail]} current={current} />
  );
}
