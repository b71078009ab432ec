/**
 * "Vendors and hosting" section of an activity page: the services and own hosting sites the activity
 * uses (with a form to link and unlink them), then the computed answer to "where can this data go, and
 * whose law can compel access to it?": exposure level, plain-language reasons, reach, transfers and
 * foreign jurisdictions. Plain POST forms: works without JavaScript.
 */
import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { Fragment } from "react";
import { LINK_ROLES, type Analysis, type ExposureLevel, type LinkRole, type Reason } from "~/analysis/sovereignty.ts";
import { ErrorList, FormErrors } from "~/components/forms.tsx";
import { countryName } from "~/reference/countries.ts";
import { LinkSchema } from "~/schemas/sovereignty.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { reasonParams, translateToVerify } from "~/utils/sovereignty-text.ts";
import { useT } from "~/utils/use-i18n.ts";

export type ActivityLinkView = {
  id: string;
  role: string;
  service: { id: string; name: string; vendor: { id: string; name: string; country: string } } | null;
  site: { id: string; name: string; country: string; city: string | null } | null;
};

export type ActivitySovereigntyData = {
  links: ActivityLinkView[];
  analysis: Analysis;
  /** Vendor name → id (names are unique in an organization), to link the names of a chain. */
  vendorIds: Record<string, string>;
  canLink: boolean;
  canManageVendors: boolean;
  pickers: {
    services: { id: string; name: string; vendor: { id: string; name: string; country: string } }[];
    sites: { id: string; name: string; country: string; city: string | null }[];
  } | null;
};

type ActionData = { form: string; result: SubmissionResult<string[]> | undefined; alert: MessageKey | null } | undefined;

const isLinkRole = (r: string): r is LinkRole => (LINK_ROLES as readonly string[]).includes(r);

export function ExposureBadge({ level }: { level: ExposureLevel }) {
  const { t } = useT();
  return <span className={`exposure-badge exposure-${level}`}>{t(`sovereignty.level.${level}`)}</span>;
}

/** Reasons carry country codes; show names in the reader's language. */
function useReason() {
  const i18n = useT();
  return (r: Reason): string => (i18n.has(r.key) ? i18n.t(r.key, reasonParams(r, i18n)) : r.key);
}

function useSafeguardLabel() {
  const { t, has } = useT();
  return (code: string | null): string => {
    if (!code) return t("sovereigntyUi.none");
    const own = `sovereigntyUi.safeguard.${code}`;
    if (has(own)) return t(own);
    const vocab = `vocab.safeguard.${code}`;
    if (has(vocab)) return t(vocab);
    return code;
  };
}

export function VendorChain({ chain, vendorIds, base }: { chain: string[]; vendorIds: Record<string, string>; base: string }) {
  return (
    <>
      {chain.map((name, i) => {
        const id = vendorIds[name];
        return (
          <Fragment key={`${name}-${i}`}>
            {i > 0 ? <span aria-hidden="true"> → </span> : null}
            {i > 0 ? <span className="visually-hidden">, </span> : null}
            {id ? <Link to={`${base}/vendors/${id}`}>{name}</Link> : name}
          </Fragment>
        );
      })}
    </>
  );
}

export function ActivitySovereignty({ data, actionData, base }: { data: ActivitySovereigntyData; actionData: ActionData; base: string }) {
  const i18n = useT();
  const { t, has, locale } = i18n;
  const { analysis: a } = data;
  const reason = useReason();
  const safeguard = useSafeguardLabel();
  const chain = (c: string[]) => <VendorChain chain={c} vendorIds={data.vendorIds} base={base} />;

  return (
    <section className="panel activity-sovereignty" aria-labelledby="sovereignty-h">
      <h2 id="sovereignty-h">{t("sovereigntyUi.activity.title")}</h2>
      <p>{t("sovereigntyUi.activity.intro")}</p>

      <h3 id="links-h">{t("sovereigntyUi.activity.linksTitle")}</h3>
      {data.links.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.activity.noLinks")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="links-caption">
          <table className="compact">
            <caption id="links-caption" className="visually-hidden">
              {t("sovereigntyUi.activity.linksCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("sovereigntyUi.activity.colServiceOrSite")}</th>
                <th scope="col">{t("sovereigntyUi.activity.colLinkRole")}</th>
                <th scope="col">{t("sovereigntyUi.colCountry")}</th>
                {data.canLink ? <th scope="col">{t("sovereigntyUi.colActions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.links.map((l) => {
                const label = l.service ? `${l.service.vendor.name} — ${l.service.name}` : l.site ? l.site.name : "";
                return (
                  <tr key={l.id}>
                    <th scope="row">
                      {l.service ? (
                        <>
                          <Link to={`${base}/vendors/${l.service.vendor.id}`}>{l.service.vendor.name}</Link> — {l.service.name}
                        </>
                      ) : l.site ? (
                        <>
                          {l.site.name} <span className="muted">({t("sovereigntyUi.activity.ownHosting")})</span>
                        </>
                      ) : null}
                    </th>
                    <td>{isLinkRole(l.role) ? t(`sovereigntyUi.linkRole.${l.role}`) : l.role}</td>
                    <td>
                      {l.service ? countryName(l.service.vendor.country, locale) : l.site ? countryName(l.site.country, locale) : ""}
                      {l.site?.city ? <span className="muted"> ({l.site.city})</span> : null}
                    </td>
                    {data.canLink ? (
                      <td>
                        <Form method="post" className="unlink-form">
                          <input type="hidden" name="intent" value="unlink" />
                          <input type="hidden" name="linkId" value={l.id} />
                          <button type="submit" className="button danger small">
                            {t("sovereigntyUi.activity.unlink")}
                            <span className="visually-hidden"> {label}</span>
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {data.canLink && data.pickers ? (
        // Remounted when the links change, so a successful link leaves an empty form behind.
        <LinkForm
          key={data.links.map((l) => l.id).join()}
          pickers={data.pickers}
          canManageVendors={data.canManageVendors}
          base={base}
          actionData={actionData}
        />
      ) : null}

      <h3 id="exposure-h">{t("sovereigntyUi.activity.exposureTitle")}</h3>
      <p className="exposure-line">
        <ExposureBadge level={a.level} />
      </p>
      <p>{t(`sovereignty.levelHelp.${a.level}`)}</p>
      {a.toVerify.length > 0 ? (
        <>
          <h4 id="to-verify-h">{t("sovereignty.toVerifyTitle")}</h4>
          <ul aria-labelledby="to-verify-h" className="reasons to-verify">
            {a.toVerify.map((v, i) => (
              <li key={`${v.fact}-${i}`}>{translateToVerify(v, i18n)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h4 id="reasons-h">{t("sovereigntyUi.activity.reasonsTitle")}</h4>
      <ul aria-labelledby="reasons-h" className="reasons">
        {a.reasons.map((r, i) => (
          <li key={`${r.key}-${i}`}>{reason(r)}</li>
        ))}
      </ul>

      {a.reach.length > 0 ? (
        <>
          <h3 id="reach-h">{t("sovereigntyUi.activity.reachTitle")}</h3>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="reach-caption">
            <table className="compact">
              <caption id="reach-caption" className="visually-hidden">
                {t("sovereigntyUi.activity.reachCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("sovereigntyUi.colCountry")}</th>
                  <th scope="col">{t("sovereigntyUi.activity.colLocationRole")}</th>
                  <th scope="col">{t("sovereigntyUi.activity.colChain")}</th>
                </tr>
              </thead>
              <tbody>
                {a.reach.map((r, i) => (
                  <tr key={`${r.country}-${r.role}-${i}`}>
                    <th scope="row">
                      {countryName(r.country, locale)}
                      {r.region ? <span className="muted"> ({r.region})</span> : null}
                    </th>
                    <td>{has(`sovereigntyUi.locationRole.${r.role}`) ? t(`sovereigntyUi.locationRole.${r.role}` as MessageKey) : r.role}</td>
                    <td>
                      {r.ownHosting ? (
                        <>
                          {r.chain.join(" → ")} <span className="muted">({t("sovereigntyUi.activity.ownHosting")})</span>
                        </>
                      ) : (
                        chain(r.chain)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <h3 id="transfers-h">{t("sovereigntyUi.activity.transfersTitle")}</h3>
      {a.transfers.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.activity.noTransfers")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="transfers-caption">
          <table className="compact">
            <caption id="transfers-caption" className="visually-hidden">
              {t("sovereigntyUi.activity.transfersCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("sovereigntyUi.colCountry")}</th>
                <th scope="col">{t("sovereigntyUi.colWho")}</th>
                <th scope="col">{t("sovereigntyUi.colStatus")}</th>
                <th scope="col">{t("sovereigntyUi.activity.colSafeguard")}</th>
                <th scope="col">{t("sovereigntyUi.activity.colTia")}</th>
              </tr>
            </thead>
            <tbody>
              {a.transfers.map((tr, i) => {
                const needsTia = Boolean(tr.safeguard && /^(SCC|scc|BCR|bcr)/.test(tr.safeguard)) && tr.status === "safeguarded";
                return (
                  <tr key={`${tr.country}-${i}`}>
                    <th scope="row">{countryName(tr.country, locale)}</th>
                    <td>
                      {tr.chain.length ? chain(tr.chain) : tr.recipient}
                      {tr.source === "declared" ? <span className="muted"> ({t("sovereigntyUi.activity.declared")})</span> : null}
                    </td>
                    <td>
                      <span className={`transfer-status transfer-${tr.status}`}>{t(`sovereignty.transfer.${tr.status}`)}</span>
                    </td>
                    <td>{tr.status === "adequate" || tr.status === "adequate_certified" ? t("sovereigntyUi.activity.notNeeded") : safeguard(tr.safeguard)}</td>
                    <td>
                      {tr.tiaMissing ? (
                        <strong>{t("sovereigntyUi.activity.tiaMissing")}</strong>
                      ) : needsTia ? (
                        t("sovereigntyUi.activity.tiaDone")
                      ) : (
                        t("sovereigntyUi.activity.notNeeded")
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="jurisdictions-h">{t("sovereigntyUi.activity.jurisdictionsTitle")}</h3>
      {a.exposure.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.activity.noJurisdictions")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="jurisdictions-caption">
          <table className="compact">
            <caption id="jurisdictions-caption" className="visually-hidden">
              {t("sovereigntyUi.activity.jurisdictionsCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("sovereigntyUi.colCountry")}</th>
                <th scope="col">{t("sovereigntyUi.activity.colLaws")}</th>
                <th scope="col">{t("sovereigntyUi.colVendor")}</th>
                <th scope="col">{t("sovereigntyUi.activity.colVia")}</th>
                <th scope="col">{t("sovereigntyUi.activity.colShielded")}</th>
              </tr>
            </thead>
            <tbody>
              {a.exposure.map((e, i) => (
                <tr key={`${e.jurisdiction}-${e.vendor}-${e.via}-${i}`}>
                  <th scope="row">{countryName(e.jurisdiction, locale)}</th>
                  <td>{e.laws.length ? e.laws.map((l) => l.name).join(", ") : t("sovereigntyUi.activity.noKnownLaw")}</td>
                  <td>
                    {data.vendorIds[e.vendor] ? <Link to={`${base}/vendors/${data.vendorIds[e.vendor]}`}>{e.vendor}</Link> : e.vendor}
                    {e.chain.length > 1 ? (
                      <span className="muted chain-note">
                        {" "}
                        ({t("sovereigntyUi.activity.via")} {chain(e.chain)})
                      </span>
                    ) : null}
                  </td>
                  <td>{t(`sovereigntyUi.activity.via_${e.via}`)}</td>
                  <td>{e.shielded ? t("sovereigntyUi.activity.shieldedYes") : t("sovereigntyUi.activity.shieldedNo")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        <Link to={`${base}/sovereignty`}>{t("sovereigntyUi.activity.dashboardLink")}</Link>
      </p>
    </section>
  );
}

function LinkForm({
  pickers,
  canManageVendors,
  base,
  actionData,
}: {
  pickers: NonNullable<ActivitySovereigntyData["pickers"]>;
  canManageVendors: boolean;
  base: string;
  actionData: ActionData;
}) {
  const { t, locale } = useT();
  const mine = actionData?.form === "link" ? actionData : undefined;
  const [form, fields] = useForm({
    id: "link",
    lastResult: mine?.result,
    constraint: getZodConstraint(LinkSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    defaultValue: { role: "PROCESSOR" },
  });
  const target = getSelectProps(fields.target, { ariaAttributes: true });
  const role = getSelectProps(fields.role, { ariaAttributes: true });
  const empty = pickers.services.length === 0 && pickers.sites.length === 0;
  const byVendor = new Map<string, { vendor: { id: string; name: string; country: string }; services: { id: string; name: string }[] }>();
  for (const s of pickers.services) {
    const g = byVendor.get(s.vendor.id) ?? { vendor: s.vendor, services: [] };
    g.services.push(s);
    byVendor.set(s.vendor.id, g);
  }
  return (
    <div className="link-form-block">
      <h3 id="link-form-h">{t("sovereigntyUi.activity.linkTitle")}</h3>
      {empty ? (
        <p className="muted">
          {t("sovereigntyUi.activity.catalogueEmpty")}{" "}
          {canManageVendors ? <Link to={`${base}/vendors`}>{t("sovereigntyUi.activity.catalogueLink")}</Link> : t("sovereigntyUi.activity.catalogueAsk")}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="inline-form link-form" aria-labelledby="link-form-h">
          <input type="hidden" name="intent" value="link" />
          <div className="field">
            <label htmlFor={fields.target.id}>
              {t("sovereigntyUi.activity.targetLabel")}
              <span aria-hidden="true"> *</span>
            </label>
            <select {...target} key={target.key} required aria-describedby={fields.target.errors?.length ? fields.target.errorId : undefined}>
              <option value="">{t("sovereigntyUi.activity.targetPlaceholder")}</option>
              {[...byVendor.values()].map((g) => (
                <optgroup key={g.vendor.id} label={`${g.vendor.name} (${countryName(g.vendor.country, locale)})`}>
                  {g.services.map((s) => (
                    <option key={s.id} value={`service:${s.id}`}>
                      {g.vendor.name} — {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
              {pickers.sites.length ? (
                <optgroup label={t("sovereigntyUi.activity.ownHostingGroup")}>
                  {pickers.sites.map((s) => (
                    <option key={s.id} value={`site:${s.id}`}>
                      {s.name} ({s.city ? `${s.city}, ` : ""}
                      {countryName(s.country, locale)})
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            <ErrorList id={fields.target.errorId} errors={fields.target.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.role.id}>
              {t("sovereigntyUi.activity.roleLabel")}
              <span aria-hidden="true"> *</span>
            </label>
            <select
              {...role}
              key={role.key}
              required
              aria-describedby={["link-role-hint", fields.role.errors?.length ? fields.role.errorId : null].filter(Boolean).join(" ")}
            >
              {LINK_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`sovereigntyUi.linkRole.${r}`)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
          </div>
          <button type="submit" className="button primary">
            {t("sovereigntyUi.activity.linkSubmit")}
          </button>
          <p id="link-role-hint" className="hint link-role-hint">
            {t("sovereigntyUi.activity.roleHint")}
          </p>
          <FormErrors errors={form.errors} />
        </Form>
      )}
    </div>
  );
}
