/**
 * One vendor: identity, certifications, DPA (with its signed PDF), services and where each runs,
 * sub-processors in both directions and the activities that depend on it. Every form is a plain POST
 * with an `intent` field, so the page works without JavaScript. Reading is open to every member;
 * every write needs "vendors:manage".
 *
 * With flat routes, /edit and /dpa are children of this route: when /edit matches, this component
 * only renders the child (see useOutlet below); /dpa is a resource route.
 */
import { SectionErrorBoundary } from "~/components/error-page.tsx";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useOutlet, useParams } from "@remix-run/react";
import { metaT } from "~/components/vendor-fields.tsx";
import { useT } from "~/utils/use-i18n.ts";
import type { ActionData, loader, action } from "./vendor.server.ts";
import { IdentitySection, CertificationsSection, DpaSection } from "./identity.tsx";
import { ServicesSection } from "./services.tsx";
import { RelationsSection, ActivitiesSection } from "./relations.tsx";

export { action, loader } from "./vendor.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaT(matches);
  return [{ title: d ? `${d.vendor.name} — ${t("vendors.title")} — ${t("app.name")}` : t("app.name") }];
};

export default function VendorRoute() {
  const outlet = useOutlet();
  // /edit is a full page of its own.
  return outlet ?? <VendorPage />;
}

function VendorPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useT();
  const v = d.vendor;
  const page = `/o/${d.org}/vendors/${v.id}`;
  return (
    <div className="page vendor-page">
      <Breadcrumbs trail={[{ to: `/o/${d.org}/vendors`, label: t("vendors.title") }]} current={v.name} />
      <header className="vendor-header">
        <h1>{v.name}</h1>
        {d.canManage ? (
          <div className="button-row">
            <Link to={`${page}/edit`} className="button">
              {t("vendors.editButton")}
            </Link>
            <Link to={`/o/${d.org}/breaches/new?vendor=${v.id}`} className="button">
              {t("breaches.reportAtVendor")}
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button danger">
                {t("vendors.deleteButton")}
              </button>
            </Form>
          </div>
        ) : null}
      </header>
      {actionData?.intent === "delete" && actionData.confirm ? (
        <DeleteVendorConfirm activities={actionData.confirm.activities} page={page} name={v.name} />
      ) : null}
      <IdentitySection />
      <CertificationsSection />
      <DpaSection actionData={actionData?.intent === "uploadDpa" ? actionData : undefined} />
      <ServicesSection actionData={actionData} />
      <RelationsSection />
      <ActivitiesSection />
      {v.notes ? (
        <section aria-labelledby="notes-h" className="vendor-section">
          <h2 id="notes-h">{t("vendors.section.notes")}</h2>
          <p className="free-text">{v.notes}</p>
        </section>
      ) : null}
    </div>
  );
}

function DeleteVendorConfirm({ activities, page, name }: { activities: number; page: string; name: string }) {
  const { t } = useT();
  return (
    <section className="callout warning vendor-confirm" role="alert" aria-labelledby="confirm-delete-h">
      <h2 id="confirm-delete-h">{t("vendors.confirmDelete.title", { name })}</h2>
      <p>{activities > 0 ? t("vendors.confirmDelete.dependents", { count: activities }) : t("vendors.confirmDelete.noDependents")}</p>
      <p>{t("vendors.confirmDelete.cascade")}</p>
      <div className="button-row">
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button danger">
            {t("vendors.confirmDelete.yes")}
          </button>
        </Form>
        <Link to={page} className="button">
          {t("vendors.cancel")}
        </Link>
      </div>
    </section>
  );
}

/** Errors of this page (unknown record, refused access…) stay inside the organization's layout, with a way back. */
export function ErrorBoundary() {
  const { org } = useParams();
  return <SectionErrorBoundary to={`/o/${org}/vendors`} label="ui.error.back.vendors" />;
}
