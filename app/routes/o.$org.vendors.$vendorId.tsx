/**
 * One vendor: identity, certifications, DPA (with its signed PDF), services and where each runs,
 * sub-processors in both directions and the activities that depend on it. Every form is a plain POST
 * with an `intent` field, so the page works without JavaScript. Reading is open to every member;
 * every write needs "vendors:manage".
 *
 * With flat routes, /edit and /dpa are children of this route: when /edit matches, this component
 * only renders the child (see useOutlet below); /dpa is a resource route.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useOutlet } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { LOCATION_ROLES, LOCATION_SAFEGUARDS, SECNUMCLOUD_VERSIONS, type LinkRole, type LocationRole, type LocationSafeguard } from "~/analysis/sovereignty.ts";
import { ErrorList, FormErrors, SelectField, TextAreaField, TextField, type AnyField } from "~/components/forms.tsx";
import { CheckboxField, CountryLabel, TriChoice, formatSize, isPast, metaT, useCountryOptions } from "~/components/vendor-fields.tsx";
import {
  addLocation,
  createService,
  deleteService,
  deleteVendor,
  getVendor,
  InvalidDpaFileError,
  listServicesForPicker,
  MAX_DPA_BYTES,
  removeLocation,
  storeDpaFile,
  updateService,
  VendorNotFoundError,
} from "~/models/vendor.server.ts";
import type { ActivityStatus } from "~/reference/vocabularies.ts";
import { dateInputValue, LocationFormSchema, ServiceFormSchema, toLocationInput, toServiceInput, type DpaStatus } from "~/schemas/vendor.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { activityScope, inScope } from "~/policies/department.ts";
import { canManageVendors } from "~/policies/vendor.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";

const idField = z.string().min(1).max(40);
const IdSchema = z.object({ serviceId: idField.optional(), locationId: idField.optional(), confirm: z.string().max(10).optional() });

type ActionData = {
  intent: string;
  /** The service a form belongs to, when there are several of that form on the page. */
  target: string | null;
  result?: SubmissionResult<string[]>;
  fileError?: MessageKey;
  confirm?: { activities: number };
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const v = params.vendorId ? await getVendor(ctx.org.id, params.vendorId) : null;
  if (!v) throw notFound();
  const canManage = canManageVendors(ctx.membership);
  // An EDITOR sees only their departments' activities by name; the counts stay organization-wide.
  const scope = activityScope(ctx.membership);
  const picker = canManage ? await listServicesForPicker(ctx.org.id) : [];

  const subProcessors = new Map<string, { serviceId: string; serviceName: string; vendorId: string; vendorName: string; for: string[] }>();
  const usedBy = new Map<string, { serviceId: string; serviceName: string; vendorId: string; vendorName: string; provides: string[] }>();
  const activities = new Map<string, { ref: string; name: string; status: ActivityStatus; uses: { service: string; role: LinkRole }[] }>();
  for (const s of v.services) {
    for (const l of s.locations) {
      const p = l.providerService;
      if (!p || p.vendor.id === v.id) continue;
      const e = subProcessors.get(p.id) ?? { serviceId: p.id, serviceName: p.name, vendorId: p.vendor.id, vendorName: p.vendor.name, for: [] };
      if (!e.for.includes(s.name)) e.for.push(s.name);
      subProcessors.set(p.id, e);
    }
    for (const l of s.providing) {
      if (l.service.vendor.id === v.id) continue;
      const e = usedBy.get(l.service.id) ?? {
        serviceId: l.service.id,
        serviceName: l.service.name,
        vendorId: l.service.vendor.id,
        vendorName: l.service.vendor.name,
        provides: [],
      };
      if (!e.provides.includes(s.name)) e.provides.push(s.name);
      usedBy.set(l.service.id, e);
    }
    for (const link of s.links) {
      const a = link.activity;
      if (!inScope(scope, a.departmentId)) continue;
      const e = activities.get(a.id) ?? { ref: a.ref, name: a.name, status: a.status as ActivityStatus, uses: [] };
      e.uses.push({ service: s.name, role: link.role as LinkRole });
      activities.set(a.id, e);
    }
  }

  return {
    org: ctx.org.slug,
    canManage,
    today: new Date().toISOString().slice(0, 10),
    maxDpaBytes: MAX_DPA_BYTES,
    vendor: {
      id: v.id,
      name: v.name,
      legalName: v.legalName,
      registrationNumber: v.registrationNumber,
      website: v.website,
      country: v.country,
      parentName: v.parentName,
      parentCountry: v.parentCountry,
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      hdsActivities: v.hdsActivities,
      hdsExpiry: iso(v.hdsExpiry),
      iso27001Expiry: iso(v.iso27001Expiry),
      dpfCertified: v.dpfCertified,
      dpfCheckedAt: iso(v.dpfCheckedAt),
      dpaStatus: v.dpaStatus as DpaStatus,
      dpaSignedAt: iso(v.dpaSignedAt),
      dpaReference: v.dpaReference,
      dpaNextReview: iso(v.dpaNextReview),
      dpaFile: v.dpaFileHash ? { name: v.dpaFileName ?? "dpa.pdf", size: v.dpaFileSize ?? 0 } : null,
      notes: v.notes,
      version: v.version,
    },
    services: v.services.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      secNumCloudQualified: s.secNumCloudQualified,
      secNumCloudDate: iso(s.secNumCloudDate),
      secNumCloudVersion: s.secNumCloudVersion,
      secNumCloudScope: s.secNumCloudScope,
      nonEuAccess: s.nonEuAccess,
      activityCount: new Set(s.links.map((l) => l.activity.id)).size,
      locations: s.locations.map((l) => ({
        id: l.id,
        role: l.role as LocationRole,
        country: l.country,
        region: l.region,
        safeguard: l.safeguard as LocationSafeguard | null,
        tiaDone: l.tiaDone,
        safeguardUrl: l.safeguardUrl,
        provider: l.providerService
          ? {
              serviceId: l.providerService.id,
              serviceName: l.providerService.name,
              vendorId: l.providerService.vendor.id,
              vendorName: l.providerService.vendor.name,
            }
          : null,
      })),
    })),
    subProcessors: [...subProcessors.values()].sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.serviceName.localeCompare(b.serviceName)),
    usedBy: [...usedBy.values()].sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.serviceName.localeCompare(b.serviceName)),
    activities: [...activities.values()].sort((a, b) => a.ref.localeCompare(b.ref, undefined, { numeric: true })),
    picker: picker.map((p) => ({ id: p.id, label: `${p.vendor.name} / ${p.name}` })),
  };
}

const FILE_ERRORS: Record<InvalidDpaFileError["reason"], MessageKey> = { type: "errors.fileNotPdf", size: "errors.fileTooLarge", empty: "errors.fileEmpty" };

const fileFail = (fileError: MessageKey) => data<ActionData>({ intent: "uploadDpa", target: null, fileError }, { status: 400 });

/**
 * The upload form is multipart; the others are not, but any client may send multipart, so any
 * multipart body goes through the size-limited parser. One byte over the limit is enough to know a file
 * is too large: the parser stops reading there.
 */
async function readUploadForm(request: Request): Promise<FormData | Response | ReturnType<typeof fileFail>> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readForm(request);
  try {
    return await readMultipartForm(request, { maxFileBytes: MAX_DPA_BYTES + 1 });
  } catch (err) {
    if (err instanceof MaxPartSizeExceededError) return fileFail("errors.fileTooLarge");
    if (err instanceof TypeError) return new Response("Bad Request", { status: 400 });
    throw err;
  }
}

async function uploadDpa(request: Request, formData: FormData, actorId: string, orgId: string, vendorId: string, page: string) {
  const file = formData.get("dpaFile");
  if (!isUploadedFile(file) || file.size === 0) return fileFail("errors.fileEmpty");
  try {
    await storeDpaFile(actorId, orgId, vendorId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (err) {
    if (err instanceof InvalidDpaFileError) return fileFail(FILE_ERRORS[err.reason]);
    if (err instanceof VendorNotFoundError) throw notFound();
    throw err;
  }
  return redirectWithToast(request, `${page}#dpa-h`, { type: "success", key: "vendors.toast.dpaUploaded" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "vendors:manage");
  const v = params.vendorId ? await getVendor(ctx.org.id, params.vendorId) : null;
  if (!v) throw notFound();
  const page = `/o/${ctx.org.slug}/vendors/${v.id}`;
  const formData = await readUploadForm(request);
  if (!(formData instanceof FormData)) return formData;
  const intent = String(formData.get("intent") ?? "");
  if (intent === "uploadDpa") return uploadDpa(request, formData, ctx.user.id, ctx.org.id, v.id, page);
  const ids = IdSchema.safeParse({
    serviceId: formData.get("serviceId") ?? undefined,
    locationId: formData.get("locationId") ?? undefined,
    confirm: formData.get("confirm") ?? undefined,
  });
  if (!ids.success) throw new Response("Bad Request", { status: 400 });
  const { serviceId, locationId, confirm } = ids.data;
  // Service and location forms only act on this vendor's own services.
  const service = serviceId ? v.services.find((s) => s.id === serviceId) : undefined;
  if (serviceId && !service) throw notFound();

  try {
    switch (intent) {
      case "createService":
      case "updateService": {
        const submission = parseWithZod(formData, { schema: ServiceFormSchema });
        if (submission.status !== "success") return data<ActionData>({ intent, target: serviceId ?? null, result: submission.reply() }, { status: 400 });
        const clash = v.services.some((s) => s.name === submission.value.name && s.id !== serviceId);
        if (clash)
          return data<ActionData>(
            { intent, target: serviceId ?? null, result: submission.reply({ fieldErrors: { name: ["errors.serviceExists"] } }) },
            { status: 400 },
          );
        if (intent === "createService") {
          const s = await createService(ctx.user.id, ctx.org.id, v.id, toServiceInput(submission.value));
          return redirectWithToast(request, `${page}#service-${s.id}`, { type: "success", key: "vendors.toast.serviceCreated", params: { name: s.name } });
        }
        if (!service) throw new Response("Bad Request", { status: 400 });
        await updateService(ctx.user.id, ctx.org.id, service.id, toServiceInput(submission.value));
        return redirectWithToast(request, `${page}#service-${service.id}`, { type: "success", key: "toast.saved" });
      }
      case "deleteService": {
        if (!service) throw new Response("Bad Request", { status: 400 });
        const dependents = new Set(service.links.map((l) => l.activity.id)).size;
        if (dependents > 0 && confirm !== "yes") return data<ActionData>({ intent, target: service.id, confirm: { activities: dependents } });
        await deleteService(ctx.user.id, ctx.org.id, service.id);
        return redirectWithToast(request, `${page}#services-h`, { type: "success", key: "vendors.toast.serviceDeleted", params: { name: service.name } });
      }
      case "addLocation": {
        if (!service) throw new Response("Bad Request", { status: 400 });
        const submission = parseWithZod(formData, { schema: LocationFormSchema });
        if (submission.status !== "success") return data<ActionData>({ intent, target: service.id, result: submission.reply() }, { status: 400 });
        if (submission.value.providerServiceId === service.id) {
          return data<ActionData>(
            { intent, target: service.id, result: submission.reply({ fieldErrors: { providerServiceId: ["errors.choice"] } }) },
            { status: 400 },
          );
        }
        try {
          await addLocation(ctx.user.id, ctx.org.id, service.id, toLocationInput(submission.value));
        } catch (err) {
          // The provider is not a service of this organization (or vanished meanwhile).
          if (err instanceof VendorNotFoundError)
            return data<ActionData>(
              { intent, target: service.id, result: submission.reply({ fieldErrors: { providerServiceId: ["errors.choice"] } }) },
              { status: 400 },
            );
          throw err;
        }
        return redirectWithToast(request, `${page}#service-${service.id}`, { type: "success", key: "vendors.toast.locationAdded" });
      }
      case "removeLocation": {
        const owner = locationId ? v.services.find((s) => s.locations.some((l) => l.id === locationId)) : undefined;
        if (!locationId || !owner) throw notFound();
        await removeLocation(ctx.user.id, ctx.org.id, locationId);
        return redirectWithToast(request, `${page}#service-${owner.id}`, { type: "success", key: "vendors.toast.locationRemoved" });
      }
      case "delete": {
        const dependents = new Set(v.services.flatMap((s) => s.links.map((l) => l.activity.id))).size;
        if (confirm !== "yes") return data<ActionData>({ intent, target: null, confirm: { activities: dependents } });
        await deleteVendor(ctx.user.id, ctx.org.id, v.id);
        return redirectWithToast(request, `/o/${ctx.org.slug}/vendors`, { type: "success", key: "vendors.toast.deleted", params: { name: v.name } });
      }
      default:
        throw new Response("Bad Request", { status: 400 });
    }
  } catch (err) {
    if (err instanceof VendorNotFoundError) throw notFound();
    throw err;
  }
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaT(matches);
  return [{ title: d ? `${d.vendor.name} — ${t("vendors.title")} — ${t("app.name")}` : t("app.name") }];
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Service = LoaderData["services"][number];

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
      <nav aria-label={t("vendors.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/o/${d.org}/vendors`}>{t("vendors.title")}</Link>
          </li>
          <li aria-current="page">{v.name}</li>
        </ol>
      </nav>
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

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function NotProvided() {
  const { t } = useT();
  return <span className="not-provided">{t("common.notProvided")}</span>;
}

function IdentitySection() {
  const { vendor: v } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section aria-labelledby="identity-h" className="vendor-section">
      <h2 id="identity-h">{t("vendors.section.identity")}</h2>
      <dl className="definition-list">
        <Row label={t("vendors.field.legalName")}>{v.legalName ?? <NotProvided />}</Row>
        <Row label={t("vendors.field.registrationNumber")}>{v.registrationNumber ?? <NotProvided />}</Row>
        <Row label={t("vendors.field.website")}>
          {v.website ? (
            <a href={v.website} rel="noopener noreferrer" className="url-text">
              {v.website}
            </a>
          ) : (
            <NotProvided />
          )}
        </Row>
        <Row label={t("vendors.field.country")}>
          <CountryLabel code={v.country} />
        </Row>
        <Row label={t("vendors.parent")}>
          {v.parentName || v.parentCountry ? (
            <>
              {v.parentName ?? ""}
              {v.parentName && v.parentCountry ? " — " : ""}
              {v.parentCountry ? <CountryLabel code={v.parentCountry} /> : null}
            </>
          ) : (
            <NotProvided />
          )}
        </Row>
        <Row label={t("vendors.contact")}>
          {v.contactName || v.contactEmail ? (
            <>
              {v.contactName ?? ""}
              {v.contactName && v.contactEmail ? " — " : ""}
              {v.contactEmail ? <a href={`mailto:${v.contactEmail}`}>{v.contactEmail}</a> : null}
            </>
          ) : (
            <NotProvided />
          )}
        </Row>
      </dl>
    </section>
  );
}

/** A date, marked "expired" in words when it is past. */
function Expiry({ value }: { value: string }) {
  const { today } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const expired = isPast(value, today);
  return expired ? (
    <span className="vendor-expired">
      {t("vendors.until", { date: date(value) })} <span className="vendor-tag vendor-tag-error">{t("vendors.expired")}</span>
    </span>
  ) : (
    <>{t("vendors.until", { date: date(value) })}</>
  );
}

function CertificationsSection() {
  const { vendor: v, services } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const qualified = services.filter((s) => s.secNumCloudQualified);
  return (
    <section aria-labelledby="certs-h" className="vendor-section">
      <h2 id="certs-h">{t("vendors.section.certifications")}</h2>
      <dl className="definition-list">
        <Row label={t("vendors.cert.secnumcloud")}>
          {qualified.length ? (
            <ul className="vendor-inline-list">
              {qualified.map((s) => (
                <li key={s.id}>
                  {s.name}
                  {s.secNumCloudDate ? ` (${t("vendors.since", { date: date(s.secNumCloudDate) })})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            t("vendors.noQualifiedService")
          )}
        </Row>
        <Row label={t("vendors.cert.hds")}>
          {v.hdsExpiry ? <Expiry value={v.hdsExpiry} /> : <NotProvided />}
          {v.hdsActivities ? <span className="vendor-sub">{t("vendors.hdsActivities", { list: v.hdsActivities })}</span> : null}
        </Row>
        <Row label={t("vendors.cert.iso27001")}>{v.iso27001Expiry ? <Expiry value={v.iso27001Expiry} /> : <NotProvided />}</Row>
        <Row label={t("vendors.field.dpfCertified")}>
          {v.dpfCertified === true ? t("vendors.dpf.yes") : v.dpfCertified === false ? t("vendors.dpf.no") : t("vendors.dpf.unknown")}
          {v.dpfCheckedAt ? <span className="vendor-sub">{t("vendors.checkedOn", { date: date(v.dpfCheckedAt) })}</span> : null}
        </Row>
      </dl>
    </section>
  );
}

function DpaSection({ actionData }: { actionData: ActionData | undefined }) {
  const d = useLoaderData<typeof loader>();
  const { t, date, locale } = useT();
  const v = d.vendor;
  const overdue = isPast(v.dpaNextReview, d.today);
  const fileId = useId();
  const hintId = useId();
  const errorId = useId();
  const fileError = actionData?.fileError;
  return (
    <section aria-labelledby="dpa-h" className="vendor-section">
      <h2 id="dpa-h">{t("vendors.section.dpa")}</h2>
      <dl className="definition-list">
        <Row label={t("vendors.field.dpaStatus")}>{t(`vendors.dpaStatus.${v.dpaStatus}`)}</Row>
        <Row label={t("vendors.field.dpaSignedAt")}>{v.dpaSignedAt ? date(v.dpaSignedAt) : <NotProvided />}</Row>
        <Row label={t("vendors.field.dpaReference")}>{v.dpaReference ?? <NotProvided />}</Row>
        <Row label={t("vendors.field.dpaNextReview")}>
          {v.dpaNextReview ? (
            <>
              {date(v.dpaNextReview)}
              {overdue ? (
                <>
                  {" "}
                  <span className="vendor-tag vendor-tag-warning">{t("vendors.reviewOverdue")}</span>
                </>
              ) : null}
            </>
          ) : (
            <NotProvided />
          )}
        </Row>
        <Row label={t("vendors.dpaFile")}>
          {v.dpaFile ? (
            <a href={`/o/${d.org}/vendors/${v.id}/dpa`} download={v.dpaFile.name}>
              {t("vendors.dpaDownload", { name: v.dpaFile.name, size: formatSize(v.dpaFile.size, locale) })}
            </a>
          ) : (
            t("vendors.dpaNoFile")
          )}
        </Row>
      </dl>
      {d.canManage ? (
        <Form method="post" encType="multipart/form-data" className="stack vendor-upload">
          <input type="hidden" name="intent" value="uploadDpa" />
          <div className="field">
            <label htmlFor={fileId}>{v.dpaFile ? t("vendors.dpaReplace") : t("vendors.dpaUpload")}</label>
            <p id={hintId} className="hint">
              {t("vendors.dpaUploadHint", { size: formatSize(d.maxDpaBytes, locale) })}
            </p>
            <input
              id={fileId}
              type="file"
              name="dpaFile"
              accept="application/pdf,.pdf"
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[hintId, fileError ? errorId : null].filter(Boolean).join(" ")}
            />
            <ErrorList id={errorId} errors={fileError ? [fileError] : undefined} />
          </div>
          <button type="submit" className="button">
            {t("vendors.dpaSend")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function ServicesSection({ actionData }: { actionData: ActionData | undefined }) {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section aria-labelledby="services-h" className="vendor-section">
      <h2 id="services-h">{t("vendors.services", { count: d.services.length })}</h2>
      <p className="hint">{t("vendors.servicesIntro")}</p>
      {d.services.length === 0 ? <p>{t("vendors.noServices")}</p> : null}
      {d.services.map((s) => (
        <ServiceCard key={s.id} service={s} actionData={actionData?.target === s.id ? actionData : undefined} />
      ))}
      {d.canManage ? <NewServiceForm actionData={actionData?.intent === "createService" ? actionData : undefined} /> : null}
    </section>
  );
}

function ServiceFields({
  fields,
}: {
  fields: Record<"name" | "description" | "secNumCloudQualified" | "secNumCloudDate" | "secNumCloudVersion" | "secNumCloudScope" | "nonEuAccess", AnyField>;
}) {
  const { t } = useT();
  return (
    <>
      <TextField label={t("vendors.service.name")} hint={t("vendors.service.nameHint")} field={fields.name} required />
      <TextAreaField label={t("vendors.service.description")} field={fields.description} rows={2} />
      <CheckboxField label={t("vendors.service.secNumCloud")} hint={t("vendors.service.secNumCloudHint")} field={fields.secNumCloudQualified} />
      <TextField label={t("vendors.service.secNumCloudDate")} hint={t("vendors.service.secNumCloudDateHint")} field={fields.secNumCloudDate} type="date" />
      <SelectField
        label={t("legal.service.secNumCloudVersion")}
        hint={t("legal.service.secNumCloudVersion.hint")}
        field={fields.secNumCloudVersion}
        options={[
          { value: "", label: t("legal.choice.unknown") },
          ...SECNUMCLOUD_VERSIONS.map((v) => ({ value: v, label: t(`legal.service.secNumCloudVersion.${v}`) })),
        ]}
      />
      <TextField label={t("legal.service.secNumCloudScope")} hint={t("legal.service.secNumCloudScope.hint")} field={fields.secNumCloudScope} />
      <TriChoice field={fields.nonEuAccess} legend={t("legal.service.nonEuAccess")} />
    </>
  );
}

function NewServiceForm({ actionData }: { actionData: ActionData | undefined }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "service-new",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ServiceFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ServiceFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <details className="vendor-details" open={actionData?.result?.status === "error" ? true : undefined}>
      <summary className="button primary">{t("vendors.service.add")}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="createService" />
        <ServiceFields fields={fields} />
        <button type="submit" className="button primary">
          {t("vendors.service.create")}
        </button>
      </Form>
    </details>
  );
}

function ServiceCard({ service: s, actionData }: { service: Service; actionData: ActionData | undefined }) {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const headingId = `service-${s.id}-h`;
  return (
    <article className="card vendor-service" id={`service-${s.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {s.name}
        {s.secNumCloudQualified ? (
          <>
            {" "}
            <span className="vendor-tag vendor-tag-success">{t("vendors.cert.secnumcloud")}</span>
          </>
        ) : null}
      </h3>
      {s.secNumCloudQualified && s.secNumCloudDate ? <p className="muted">{t("vendors.qualifiedSince", { date: date(s.secNumCloudDate) })}</p> : null}
      {s.description ? <p className="free-text">{s.description}</p> : null}
      <p className="muted">{t("vendors.service.activityCount", { count: s.activityCount })}</p>
      <LocationsTable service={s} />
      {d.canManage ? (
        <div className="vendor-service-actions">
          <AddLocationForm service={s} actionData={actionData?.intent === "addLocation" ? actionData : undefined} />
          <EditServiceForm service={s} actionData={actionData?.intent === "updateService" ? actionData : undefined} />
          <Form method="post">
            <input type="hidden" name="intent" value="deleteService" />
            <input type="hidden" name="serviceId" value={s.id} />
            <button type="submit" className="button danger">
              {t("vendors.service.delete")}
              <span className="visually-hidden"> {s.name}</span>
            </button>
          </Form>
          {actionData?.intent === "deleteService" && actionData.confirm ? (
            <div className="callout warning vendor-confirm" role="alert">
              <p>{t("vendors.service.confirmDelete", { name: s.name, count: actionData.confirm.activities })}</p>
              <div className="button-row">
                <Form method="post">
                  <input type="hidden" name="intent" value="deleteService" />
                  <input type="hidden" name="serviceId" value={s.id} />
                  <input type="hidden" name="confirm" value="yes" />
                  <button type="submit" className="button danger">
                    {t("vendors.confirmDelete.yes")}
                    <span className="visually-hidden"> {s.name}</span>
                  </button>
                </Form>
                <Link to={`/o/${d.org}/vendors/${d.vendor.id}#service-${s.id}`} className="button">
                  {t("vendors.cancel")}
                </Link>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function LocationsTable({ service: s }: { service: Service }) {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  if (s.locations.length === 0) return <p>{t("vendors.location.none")}</p>;
  return (
    <div className="table-wrap vendor-locations" tabIndex={0} role="region" aria-label={t("vendors.location.caption", { name: s.name })}>
      <table>
        <caption>{t("vendors.location.caption", { name: s.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("vendors.location.role")}</th>
            <th scope="col">{t("vendors.location.country")}</th>
            <th scope="col">{t("vendors.location.region")}</th>
            <th scope="col">{t("vendors.location.provider")}</th>
            <th scope="col">{t("vendors.location.safeguard")}</th>
            <th scope="col">{t("vendors.location.tia")}</th>
            {d.canManage ? <th scope="col">{t("vendors.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {s.locations.map((l) => (
            <tr key={l.id}>
              <td>{t(`vendors.role.${l.role}`)}</td>
              <td>
                <CountryLabel code={l.country} />
              </td>
              <td>{l.region ?? <NotProvided />}</td>
              <td>
                {l.provider ? (
                  <>
                    <span className="visually-hidden">{t("vendors.location.subProcessor")} </span>
                    <span aria-hidden="true">→ </span>
                    <Link to={`/o/${d.org}/vendors/${l.provider.vendorId}`}>{l.provider.vendorName}</Link> / {l.provider.serviceName}
                  </>
                ) : (
                  <span className="muted">{t("vendors.location.selfOperated")}</span>
                )}
              </td>
              <td>
                {l.safeguard ? t(`vendors.safeguard.${l.safeguard}`) : <span className="muted">{t("vendors.location.noSafeguard")}</span>}
                {l.safeguardUrl ? (
                  <>
                    {" "}
                    <a href={l.safeguardUrl} rel="noopener noreferrer">
                      {t("vendors.location.document")}
                    </a>
                  </>
                ) : null}
              </td>
              <td>{l.tiaDone ? t("common.yes") : t("common.no")}</td>
              {d.canManage ? (
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeLocation" />
                    <input type="hidden" name="locationId" value={l.id} />
                    <button type="submit" className="button danger small">
                      {t("vendors.location.remove")}
                      <span className="visually-hidden"> {t("vendors.location.removeWhich", { role: t(`vendors.role.${l.role}`), country: l.country })}</span>
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EditServiceForm({ service: s, actionData }: { service: Service; actionData: ActionData | undefined }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: `service-edit-${s.id}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(ServiceFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ServiceFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      name: s.name,
      description: s.description ?? "",
      secNumCloudQualified: s.secNumCloudQualified ? "on" : undefined,
      secNumCloudDate: dateInputValue(s.secNumCloudDate),
      secNumCloudVersion: s.secNumCloudVersion ?? "",
      secNumCloudScope: s.secNumCloudScope ?? "",
      nonEuAccess: s.nonEuAccess === true ? "yes" : s.nonEuAccess === false ? "no" : "",
    },
  });
  return (
    <details className="vendor-details" open={actionData?.result?.status === "error" ? true : undefined}>
      <summary className="button">
        {t("vendors.service.edit")}
        <span className="visually-hidden"> {s.name}</span>
      </summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="updateService" />
        <input type="hidden" name="serviceId" value={s.id} />
        <ServiceFields fields={fields} />
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>
    </details>
  );
}

function AddLocationForm({ service: s, actionData }: { service: Service; actionData: ActionData | undefined }) {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  const countries = useCountryOptions(t("vendors.chooseCountry"));
  const [form, fields] = useForm({
    id: `location-add-${s.id}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(LocationFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LocationFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { role: "STORAGE" },
  });
  const providers = [
    { value: "", label: t("vendors.location.noProvider") },
    ...d.picker.filter((p) => p.id !== s.id).map((p) => ({ value: p.id, label: p.label })),
  ];
  return (
    <details className="vendor-details" open={actionData?.result?.status === "error" ? true : undefined}>
      <summary className="button">
        {t("vendors.location.add")}
        <span className="visually-hidden"> ({s.name})</span>
      </summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="addLocation" />
        <input type="hidden" name="serviceId" value={s.id} />
        <div className="field-grid">
          <SelectField
            label={t("vendors.location.role")}
            hint={t("vendors.location.roleHint")}
            field={fields.role}
            options={LOCATION_ROLES.map((r) => ({ value: r, label: t(`vendors.role.${r}`) }))}
          />
          <SelectField label={`${t("vendors.location.country")} *`} field={fields.country} options={countries} />
          <TextField label={t("vendors.location.region")} hint={t("vendors.location.regionHint")} field={fields.region} />
          <SelectField label={t("vendors.location.provider")} hint={t("vendors.location.providerHint")} field={fields.providerServiceId} options={providers} />
          <SelectField
            label={t("vendors.location.safeguard")}
            hint={t("vendors.location.safeguardHint")}
            field={fields.safeguard}
            options={[
              { value: "", label: t("vendors.location.noSafeguard") },
              ...LOCATION_SAFEGUARDS.map((g) => ({ value: g, label: t(`vendors.safeguard.${g}`) })),
            ]}
          />
          <TextField label={t("vendors.location.safeguardUrl")} field={fields.safeguardUrl} type="url" />
        </div>
        <CheckboxField label={t("vendors.location.tiaDone")} hint={t("vendors.location.tiaHint")} field={fields.tiaDone} />
        <button type="submit" className="button primary">
          {t("vendors.location.submit")}
        </button>
      </Form>
    </details>
  );
}

function RelationsSection() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  const vendorLink = (id: string, name: string) => <Link to={`/o/${d.org}/vendors/${id}`}>{name}</Link>;
  return (
    <section aria-labelledby="relations-h" className="vendor-section">
      <h2 id="relations-h">{t("vendors.relations")}</h2>
      <div className="grid-2">
        <div>
          <h3>{t("vendors.subProcessors")}</h3>
          <p className="hint">{t("vendors.subProcessorsHint")}</p>
          {d.subProcessors.length ? (
            <ul>
              {d.subProcessors.map((p) => (
                <li key={p.serviceId}>
                  {vendorLink(p.vendorId, p.vendorName)} / {p.serviceName} <span className="muted">{t("vendors.forServices", { list: p.for.join(", ") })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("vendors.noSubProcessors")}</p>
          )}
        </div>
        <div>
          <h3>{t("vendors.usedBy")}</h3>
          <p className="hint">{t("vendors.usedByHint")}</p>
          {d.usedBy.length ? (
            <ul>
              {d.usedBy.map((p) => (
                <li key={p.serviceId}>
                  {vendorLink(p.vendorId, p.vendorName)} / {p.serviceName} <span className="muted">{t("vendors.relies", { list: p.provides.join(", ") })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("vendors.noUsedBy")}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function ActivitiesSection() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <section aria-labelledby="activities-h" className="vendor-section">
      <h2 id="activities-h">{t("vendors.activities", { count: d.activities.length })}</h2>
      {d.activities.length === 0 ? (
        <p>{t("vendors.noActivities")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="activities-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("vendors.activity.ref")}</th>
                <th scope="col">{t("vendors.activity.name")}</th>
                <th scope="col">{t("vendors.activity.status")}</th>
                <th scope="col">{t("vendors.activity.uses")}</th>
              </tr>
            </thead>
            <tbody>
              {d.activities.map((a) => (
                <tr key={a.ref}>
                  <td>{a.ref}</td>
                  <td>
                    <Link to={`/o/${d.org}/activities/${a.ref}`}>{a.name}</Link>
                  </td>
                  <td>{t(`vocab.status.${a.status}`)}</td>
                  <td>
                    <ul className="vendor-inline-list">
                      {a.uses.map((u, i) => (
                        <li key={i}>{t("vendors.activity.use", { service: u.service, role: t(`vendors.linkRole.${u.role}`) })}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
