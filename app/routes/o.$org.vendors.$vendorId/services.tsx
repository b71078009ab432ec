/** The vendor page's services: each with where it runs, and the forms that edit them. */
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LOCATION_ROLES, LOCATION_SAFEGUARDS, SECNUMCLOUD_VERSIONS } from "~/analysis/sovereignty.ts";
import { FormErrors, SelectField, TextAreaField, TextField, type AnyField } from "~/components/forms.tsx";
import { CheckboxField, CountryLabel, TriChoice, useCountryOptions } from "~/components/vendor-fields.tsx";
import { dateInputValue, LocationFormSchema, ServiceFormSchema } from "~/schemas/vendor.ts";
import { useT } from "~/utils/use-i18n.ts";
import type { ActionData, loader } from "./vendor.server.ts";
import type { Service } from "./types.ts";
import { NotProvided } from "./identity.tsx";

export function ServicesSection({ actionData }: { actionData: ActionData | undefined }) {
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
