import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getPublicRegister } from "~/models/public-register.server.ts";
import { countryName } from "~/reference/countries.ts";
import { notFound } from "~/http/auth.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `Registre — ${d.organization.name}` : "Registre" }];

/** Public, no login; the only page that other sites may embed (see server.ts). */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .safeParse(params.slug);
  if (!slug.success) throw notFound();
  const reg = await getPublicRegister(slug.data);
  if (!reg) throw notFound();
  return data(reg, { headers: { "Cache-Control": "public, max-age=300" } });
}

export default function PublicRegisterPage() {
  const reg = useLoaderData<typeof loader>();
  const { t, has, date, locale } = useT();
  const base = `/public/${reg.organization.slug}`;
  const safeguardLabel = (code: string) => {
    const key = `vendors.safeguard.${code}`;
    return has(key) ? t(key) : code;
  };
  return (
    <div className="page public-register">
      <h1>{t("public.title", { organization: reg.organization.name })}</h1>
      <p className="lead">{t("public.intro")}</p>
      <section className="panel" aria-labelledby="dpo-h">
        <h2 id="dpo-h">{t("public.dpo")}</h2>
        <p>
          {reg.dpo.name ?? t("common.notProvided")}
          {reg.dpo.email ? (
            <>
              {" — "}
              <a href={`mailto:${reg.dpo.email}`}>{reg.dpo.email}</a>
            </>
          ) : null}
          {reg.dpo.phone ? ` — ${reg.dpo.phone}` : null}
        </p>
      </section>
      <p>
        {t("public.openData")} : <a href={`${base}/register.csv`}>{t("public.csv")}</a> · <a href={`${base}/register.json`}>{t("public.json")}</a>
      </p>
      {reg.activities.length === 0 ? <p>{t("public.none")}</p> : null}
      {reg.activities.map((a) => (
        <article key={a.ref} className="card public-activity" aria-labelledby={`a-${a.ref}`}>
          <h2 id={`a-${a.ref}`}>
            {a.ref} — {a.name}
          </h2>
          <p className="muted">{t("public.version", { version: a.version, date: date(a.approvedAt) })}</p>
          <dl className="definition-list">
            <div>
              <dt>{t("public.purposes")}</dt>
              <dd>{[a.purposes.main, ...a.purposes.sub].filter(Boolean).join(" ; ") || t("common.notProvided")}</dd>
            </div>
            <div>
              <dt>{t("public.legalBases")}</dt>
              <dd>{a.legalBases.map((b) => `${t(`vocab.legalBasis.${b.basis}`)}${b.text ? ` — ${b.text}` : ""}`).join(" ; ") || t("common.notProvided")}</dd>
            </div>
            <div>
              <dt>{t("public.subjects")}</dt>
              <dd>{a.dataSubjects.map((d) => t(`vocab.dataSubject.${d}`)).join(", ") || t("common.notProvided")}</dd>
            </div>
            <div>
              <dt>{t("public.data")}</dt>
              <dd>
                <ul>
                  {a.dataCategories.map((d) => (
                    <li key={d.category}>
                      {t(`vocab.dataCategory.${d.category}`)}
                      {d.retention.activePeriod || d.retention.finalFate
                        ? ` : ${[d.retention.activePeriod, d.retention.intermediatePeriod, d.retention.finalFate ? t(`vocab.finalFate.${d.retention.finalFate}`) : null].filter(Boolean).join(" / ")}`
                        : ""}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t("public.recipients")}</dt>
              <dd>{a.recipientTypes.map((r) => t(`vocab.recipientType.${r}`)).join(", ") || t("common.notProvided")}</dd>
            </div>
            <div>
              <dt>{t("public.transfers")}</dt>
              <dd>
                {a.transfers.length ? a.transfers.map((x) => `${x.country} (${t(`vocab.safeguard.${x.safeguard}`)})`).join(", ") : t("public.noTransfers")}
              </dd>
            </div>
            {a.computedTransfers.length > 0 ? (
              <div>
                <dt>{t("public.computedTransfers")}</dt>
                <dd>
                  <p className="muted">{t("public.computedTransfersHint")}</p>
                  <ul>
                    {a.computedTransfers.map((x) => (
                      <li key={`${x.country}|${x.recipient}|${x.chain.join("|")}`}>
                        {[
                          countryName(x.country, locale),
                          x.chain.length > 0 ? x.chain.join(" → ") : x.recipient,
                          t(`sovereignty.transfer.${x.status}`),
                          x.safeguard ? safeguardLabel(x.safeguard) : null,
                        ]
                          .filter(Boolean)
                          .join(" — ")}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {a.toVerify.length > 0 ? (
              <div>
                <dt>{t("public.toVerify")}</dt>
                <dd>
                  <ul>
                    {a.toVerify.map((v) => (
                      <li key={`${v.fact}|${v.subject}|${v.country ?? ""}`}>{v[locale]}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            {a.rightsExercise ? (
              <div>
                <dt>{t("public.rights")}</dt>
                <dd>{a.rightsExercise}</dd>
              </div>
            ) : null}
          </dl>
        </article>
      ))}
    </div>
  );
}
