/**
 * The "déclaration d'accessibilité" French public bodies must publish (RGAA), public like the public
 * register. The rate is computed from the recorded self-audit (app/reference/rgaa-audit.ts); with
 * ?org=<slug> it names that organization and its own accessibility contact.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAccessibilityContact } from "~/models/accessibility.server.ts";
import { RGAA_AUDIT, RGAA_AUDIT_DATE, rgaaConformanceLevel, rgaaConformanceRate } from "~/reference/rgaa-audit.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const slug = z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .safeParse(new URL(request.url).searchParams.get("org"));
  const org = slug.success ? await getAccessibilityContact(slug.data) : null;
  const count = (s: string) => RGAA_AUDIT.filter((x) => x.status === s).length;
  return {
    org,
    rate: rgaaConformanceRate(),
    level: rgaaConformanceLevel(),
    date: RGAA_AUDIT_DATE,
    counts: { c: count("C"), nc: count("NC"), na: count("NA") },
    nonConformant: RGAA_AUDIT.filter((x) => x.status === "NC").map((x) => ({ id: x.id, evidence: x.evidence })),
  };
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "accessibility.title");

/** A contact that looks like an e-mail address or a URL becomes a link. */
function ContactValue({ value }: { value: string }) {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return <a href={`mailto:${value}`}>{value}</a>;
  if (/^https?:\/\/\S+$/.test(value)) return <a href={value}>{value}</a>;
  return <span className="free-text">{value}</span>;
}

export default function AccessibilityStatement() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const level = t(`accessibility.level.${d.level}`);
  return (
    <div className="page narrow">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro", { organization: d.org?.name ?? t("accessibility.someOrganization") })}</p>
      <section aria-labelledby="a11y-status-h">
        <h2 id="a11y-status-h">{t("accessibility.status.title")}</h2>
        <p>{t("accessibility.status.body", { level })}</p>
      </section>
      <section aria-labelledby="a11y-results-h">
        <h2 id="a11y-results-h">{t("accessibility.results.title")}</h2>
        <p>{t("accessibility.results.rate", { date: date(d.date), rate: d.rate })}</p>
        <p>{t("accessibility.results.counts", d.counts)}</p>
      </section>
      <section aria-labelledby="a11y-nc-h">
        <h2 id="a11y-nc-h">{t("accessibility.nonConformant.title")}</h2>
        {d.nonConformant.length === 0 ? (
          <p>{t("accessibility.nonConformant.none")}</p>
        ) : (
          <ul>
            {d.nonConformant.map((x) => (
              <li key={x.id}>
                {t("accessibility.nonConformant.item", { id: x.id })} : <span lang="en">{x.evidence}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="a11y-method-h">
        <h2 id="a11y-method-h">{t("accessibility.method.title")}</h2>
        <p>{t("accessibility.method.body")}</p>
      </section>
      <section aria-labelledby="a11y-contact-h">
        <h2 id="a11y-contact-h">{t("accessibility.contact.title")}</h2>
        <p>{t("accessibility.contact.body")}</p>
        {d.org?.accessibilityContact ? (
          <p>
            <ContactValue value={d.org.accessibilityContact} />
          </p>
        ) : d.org?.dpoEmail ? (
          <p>{t("accessibility.contact.dpo", { email: d.org.dpoEmail })}</p>
        ) : (
          <p>{t("accessibility.contact.missing")}</p>
        )}
      </section>
      <section aria-labelledby="a11y-remedy-h">
        <h2 id="a11y-remedy-h">{t("accessibility.remedy.title")}</h2>
        <p>{t("accessibility.remedy.body")}</p>
      </section>
    </div>
  );
}
