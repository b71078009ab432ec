/**
 * Read-only rendering of one Art. 30 record (working copy or frozen version). Every item of the
 * record appears, grouped as in the CNIL register model; an empty item says so explicitly.
 * Reused by the activity page, the version view and (later) the PDF preview.
 */
import { useId, type ReactNode } from "react";
import { isSensitiveCategory, OFFENCE_DATA_CATEGORY, RISK_FLAGS } from "~/reference/vocabularies.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import { hasOffenceData, hasSensitiveData } from "~/domain/activity-rules.ts";
import { useT } from "~/utils/use-i18n.ts";

type Props = {
  content: ActivityContent;
  departmentName: string | null;
  /** Level of the section headings (2 on a page whose h1 is the activity). */
  headingLevel?: 2 | 3;
};

function NotProvided() {
  const { t } = useT();
  return <span className="not-provided">{t("common.notProvided")}</span>;
}

/** Free text, or "Non renseigné". Line breaks typed by the user are kept (CSS pre-line). */
function Text({ value }: { value: string | undefined | null }) {
  return value ? <span className="free-text">{value}</span> : <NotProvided />;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CategoryTag({ category }: { category: string }) {
  const { t } = useT();
  if (isSensitiveCategory(category)) return <span className="sensitive-tag">{t("activityView.details.sensitiveTag")}</span>;
  if (category === OFFENCE_DATA_CATEGORY) return <span className="sensitive-tag">{t("activityView.details.offenceTag")}</span>;
  return null;
}

export function ActivityDetails({ content: c, departmentName, headingLevel = 2 }: Props) {
  const { t, date, locale } = useT();
  const uid = useId();
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const number = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const countryName = (code: string) => {
    try {
      const name = new Intl.DisplayNames([locale], { type: "region" }).of(code);
      return name && name !== code ? `${name} (${code})` : code;
    } catch {
      return code;
    }
  };
  const isoDate = (d: string | undefined) => (d ? date(d) : null);
  const sensitive = hasSensitiveData(c);
  const offences = hasOffenceData(c);
  const thirdCountry = c.recipients.some((r) => r.type === "third_country");
  const flags = RISK_FLAGS.filter((f) => c.riskFlags[f]);
  const section = (key: string, title: string, body: ReactNode) => (
    <section className="details-section" aria-labelledby={`${uid}-${key}`}>
      <H id={`${uid}-${key}`}>{title}</H>
      {body}
    </section>
  );

  return (
    <div className="activity-details">
      {section(
        "general",
        t("activityView.details.general"),
        <>
          <dl className="definition-list">
            <Item label={t("activityView.path.name")}>{c.name}</Item>
            <Item label={t("activityView.path.description")}>
              <Text value={c.description} />
            </Item>
            <Item label={t("activityView.path.department")}>
              <Text value={departmentName} />
            </Item>
            <Item label={t("activityView.path.internalContact")}>
              <Text value={c.internalContact} />
            </Item>
            <Item label={t("activityView.path.implementationDate")}>
              <Text value={isoDate(c.implementationDate)} />
            </Item>
            <Item label={t("activityView.path.regime")}>{t(`vocab.regime.${c.regime}`)}</Item>
            <Item label={t("activityView.path.role")}>{t(`vocab.role.${c.role}`)}</Item>
          </dl>
          {c.role === "JOINT_CONTROLLER" || c.jointControllers.length > 0 ? (
            <>
              <Sub>{t("activityView.details.jointControllers")}</Sub>
              {c.jointControllers.length === 0 ? (
                <p>
                  <NotProvided />
                </p>
              ) : (
                <ul className="details-list">
                  {c.jointControllers.map((j, i) => (
                    <li key={i}>
                      <strong>{j.name}</strong>
                      <dl className="compact-list">
                        <Item label={t("activityView.path.contact")}>
                          <Text value={j.contact} />
                        </Item>
                        <Item label={t("activityView.path.arrangement")}>
                          <Text value={j.arrangement} />
                        </Item>
                      </dl>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
          {c.role === "PROCESSOR" || c.processorFor.length > 0 ? (
            <>
              <Sub>{t("activityView.details.processorFor")}</Sub>
              {c.processorFor.length === 0 ? (
                <p>
                  <NotProvided />
                </p>
              ) : (
                <ul className="details-list">
                  {c.processorFor.map((p, i) => (
                    <li key={i}>
                      <strong>{p.controller}</strong>
                      <dl className="compact-list">
                        <Item label={t("activityView.path.contact")}>
                          <Text value={p.contact} />
                        </Item>
                        <Item label={t("activityView.path.categories")}>
                          <Text value={p.categories} />
                        </Item>
                      </dl>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </>,
      )}

      {section(
        "purposes",
        t("activityView.details.purposes"),
        <dl className="definition-list">
          <Item label={t("activityView.path.main")}>
            <Text value={c.purposes.main} />
          </Item>
          <Item label={t("activityView.path.sub")}>
            {c.purposes.sub.length === 0 ? (
              <NotProvided />
            ) : (
              <ul className="inline-bullets">
                {c.purposes.sub.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            )}
          </Item>
        </dl>,
      )}

      {section(
        "legal",
        t("activityView.details.legal"),
        <>
          {c.legalBases.length === 0 ? (
            <p>
              <NotProvided />
            </p>
          ) : (
            <ul className="details-list">
              {c.legalBases.map((b, i) => (
                <li key={i}>
                  <strong>{t(`vocab.legalBasis.${b.basis}`)}</strong>
                  <dl className="compact-list">
                    <Item label={t("activityView.path.legalBases.text")}>
                      <Text value={b.text} />
                    </Item>
                    <Item label={t("activityView.path.purpose")}>
                      <Text value={b.purpose} />
                    </Item>
                  </dl>
                </li>
              ))}
            </ul>
          )}
          {sensitive || c.art9Conditions.length > 0 ? (
            <>
              <Sub>{t("activityView.details.art9")}</Sub>
              {c.art9Conditions.length === 0 ? (
                <p>
                  <NotProvided />
                </p>
              ) : (
                <ul className="details-list">
                  {c.art9Conditions.map((a, i) => (
                    <li key={i}>
                      <strong>{t(`vocab.art9.${a.condition}`)}</strong>
                      {a.text ? <p className="free-text">{a.text}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
          {offences || c.art10Basis ? (
            <>
              <Sub>{t("activityView.details.art10")}</Sub>
              <p>
                <Text value={c.art10Basis} />
              </p>
            </>
          ) : null}
        </>,
      )}

      {section(
        "subjects",
        t("activityView.details.dataSubjects"),
        c.dataSubjects.length === 0 ? (
          <p>
            <NotProvided />
          </p>
        ) : (
          <div className="table-wrap compact-table" role="region" tabIndex={0} aria-labelledby={`${uid}-subjects`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("activityView.path.category")}</th>
                  <th scope="col">{t("activityView.path.description")}</th>
                  <th scope="col">{t("activityView.path.estimatedCount")}</th>
                </tr>
              </thead>
              <tbody>
                {c.dataSubjects.map((s, i) => (
                  <tr key={i}>
                    <th scope="row">{t(`vocab.dataSubject.${s.category}`)}</th>
                    <td>
                      <Text value={s.description} />
                    </td>
                    <td>{s.estimatedCount !== undefined ? number.format(s.estimatedCount) : <NotProvided />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}

      {section(
        "data",
        t("activityView.details.dataCategories"),
        c.dataCategories.length === 0 ? (
          <p>
            <NotProvided />
          </p>
        ) : (
          <>
            {sensitive || offences ? (
              <p className="callout warning">{t(offences && !sensitive ? "activityView.details.offenceNotice" : "activityView.details.sensitiveNotice")}</p>
            ) : null}
            <ul className="details-list">
              {c.dataCategories.map((d, i) => (
                <li key={i} className={isSensitiveCategory(d.category) || d.category === OFFENCE_DATA_CATEGORY ? "sensitive-item" : undefined}>
                  <strong>{t(`vocab.dataCategory.${d.category}`)}</strong> <CategoryTag category={d.category} />
                  <dl className="compact-list">
                    <Item label={t("activityView.path.description")}>
                      <Text value={d.description} />
                    </Item>
                    <Item label={t("activityView.path.source")}>
                      <Text value={d.source} />
                    </Item>
                  </dl>
                </li>
              ))}
            </ul>
            <Sub id={`${uid}-retention`}>{t("activityView.details.retention")}</Sub>
            <div className="table-wrap compact-table" role="region" tabIndex={0} aria-labelledby={`${uid}-retention`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("activityView.path.category")}</th>
                    <th scope="col">{t("activityView.path.activePeriod")}</th>
                    <th scope="col">{t("activityView.path.intermediatePeriod")}</th>
                    <th scope="col">{t("activityView.path.finalFate")}</th>
                    <th scope="col">{t("activityView.path.rule")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.dataCategories.map((d, i) => (
                    <tr key={i}>
                      <th scope="row">
                        {t(`vocab.dataCategory.${d.category}`)} <CategoryTag category={d.category} />
                      </th>
                      <td>
                        <Text value={d.retention.activePeriod} />
                      </td>
                      <td>
                        <Text value={d.retention.intermediatePeriod} />
                      </td>
                      <td>{d.retention.finalFate ? t(`vocab.finalFate.${d.retention.finalFate}`) : <NotProvided />}</td>
                      <td>
                        <Text value={d.retention.rule} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ),
      )}

      {section(
        "recipients",
        t("activityView.details.recipients"),
        c.recipients.length === 0 ? (
          <p>
            <NotProvided />
          </p>
        ) : (
          <ul className="details-list">
            {c.recipients.map((r, i) => (
              <li key={i}>
                <span className="details-kind">{t(`vocab.recipientType.${r.type}`)}</span> {r.name}
              </li>
            ))}
          </ul>
        ),
      )}

      {section(
        "transfers",
        t("activityView.details.transfers"),
        c.transfers.length === 0 ? (
          <p>{thirdCountry ? <NotProvided /> : t("activityView.details.noTransfer")}</p>
        ) : (
          <div className="table-wrap compact-table" role="region" tabIndex={0} aria-labelledby={`${uid}-transfers`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("activityView.path.country")}</th>
                  <th scope="col">{t("activityView.path.recipient")}</th>
                  <th scope="col">{t("activityView.path.safeguard")}</th>
                  <th scope="col">{t("activityView.path.documentationUrl")}</th>
                </tr>
              </thead>
              <tbody>
                {c.transfers.map((tr, i) => (
                  <tr key={i}>
                    <th scope="row">{countryName(tr.country)}</th>
                    <td>{tr.recipient}</td>
                    <td className={tr.safeguard === "none" ? "warning-text" : undefined}>{t(`vocab.safeguard.${tr.safeguard}`)}</td>
                    <td>
                      {tr.documentationUrl ? (
                        <a href={tr.documentationUrl} rel="noopener noreferrer" className="url-text">
                          {tr.documentationUrl}
                        </a>
                      ) : (
                        <NotProvided />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}

      {section(
        "security",
        t("activityView.details.security"),
        c.securityMeasures.length === 0 ? (
          <p>
            <NotProvided />
          </p>
        ) : (
          <ul className="details-list">
            {c.securityMeasures.map((m, i) => (
              <li key={i}>
                <strong>{t(`vocab.security.${m.measure}`)}</strong>
                {m.details ? <p className="free-text">{m.details}</p> : null}
              </li>
            ))}
          </ul>
        ),
      )}

      {section(
        "rights",
        t("activityView.details.rights"),
        <dl className="definition-list">
          <Item label={t("activityView.path.exercise")}>
            <Text value={c.rights.exercise} />
          </Item>
          <Item label={t("activityView.path.information")}>
            <Text value={c.rights.information} />
          </Item>
        </dl>,
      )}

      {section(
        "risks",
        t("activityView.details.risks"),
        <>
          {flags.length === 0 ? (
            <p>{t("activityView.details.noRiskFlag")}</p>
          ) : (
            <ul className="details-list risk-flags">
              {flags.map((f) => (
                <li key={f}>{t(`vocab.riskFlag.${f}`)}</li>
              ))}
            </ul>
          )}
          {flags.length >= 2 ? <p className="callout warning">{t("activityView.details.dpiaLikely", { count: flags.length })}</p> : null}
        </>,
      )}

      {section(
        "review",
        t("activityView.details.review"),
        <dl className="definition-list">
          <Item label={t("activityView.path.lastReviewAt")}>
            <Text value={isoDate(c.lastReviewAt)} />
          </Item>
          <Item label={t("activityView.path.nextReviewAt")}>
            <Text value={isoDate(c.nextReviewAt)} />
          </Item>
        </dl>,
      )}
    </div>
  );
}
