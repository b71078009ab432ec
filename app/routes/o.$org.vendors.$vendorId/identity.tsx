/** The vendor page's identity, certifications and DPA sections. */
import { Form, useLoaderData } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { ErrorList } from "~/components/forms.tsx";
import { CountryLabel, formatSize, isPast } from "~/components/vendor-fields.tsx";
import { useT } from "~/utils/use-i18n.ts";
import type { ActionData, loader } from "./vendor.server.ts";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function NotProvided() {
  const { t } = useT();
  return <span className="not-provided">{t("common.notProvided")}</span>;
}

export function IdentitySection() {
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

export function CertificationsSection() {
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

export function DpaSection({ actionData }: { actionData: ActionData | undefined }) {
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
