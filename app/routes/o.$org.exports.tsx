import type { MetaFunction } from "@remix-run/node";
import { SectionErrorBoundary } from "~/components/error-page.tsx";
import { domainError } from "~/http/domain-errors.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { FormErrors } from "~/components/forms.tsx";
import { listDepartments } from "~/models/department.server.ts";
import { createShareLink, listExports, listShareAccesses, revokeShareLink } from "~/models/export-log.server.ts";
import { EXPORT_FORMATS, SHARE_MAX_DAYS } from "~/schemas/export-request.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { canSeeShareIps, canShareExports } from "~/policies/export.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { formatLabel } from "~/schemas/export-request.ts";
import { exportFormatLabel, exportParamLabels } from "~/utils/export-log-labels.ts";
import { useT } from "~/utils/use-i18n.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const ShareSchema = z.object({
  intent: z.literal("share"),
  exportId: z.string().min(1).max(40),
  recipient: z.string().trim().min(1).max(200),
  expiresAt: z.iso.date({ error: "errors.shareExpiry" }),
  passphrase: z.preprocess(emptyToUndefined, z.string().min(8).max(200).optional()),
});
const RevokeSchema = z.object({ intent: z.literal("revoke"), id: z.string().min(1).max(40) });

type Anchor = { seq: number; hash: string };
function asAnchor(v: unknown): Anchor | null {
  return typeof v === "object" && v !== null && typeof (v as { seq?: unknown }).seq === "number" && typeof (v as { hash?: unknown }).hash === "string"
    ? (v as Anchor)
    : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "register:export");
  const url = new URL(request.url);
  const accessFor = z
    .string()
    .max(40)
    .optional()
    .safeParse(url.searchParams.get("access") ?? undefined);
  const [exports, departments] = await Promise.all([listExports(ctx.org.id), listDepartments(ctx.org.id)]);
  const accesses = accessFor.success && accessFor.data ? await listShareAccesses(ctx.org.id, accessFor.data) : null;
  return {
    org: ctx.org,
    locale: ctx.org.defaultLocale,
    canShare: canShareExports(ctx.membership),
    departments,
    accessFor: accessFor.success ? (accessFor.data ?? null) : null,
    canSeeIp: canSeeShareIps(ctx.membership),
    ipRetentionDays: getEnv().SHARE_IP_RETENTION_DAYS,
    // Recipients' addresses are personal data: only the DPO and ADMINs receive them.
    accesses: accesses?.map((a) => ({ id: a.id, at: a.at.toISOString(), outcome: a.outcome, ip: canSeeShareIps(ctx.membership) ? a.ipAddress : null })) ?? null,
    exports: exports.map((e) => ({
      id: e.id,
      format: e.format,
      params: JSON.parse(e.params) as Record<string, unknown>,
      auditAnchor: asAnchor((JSON.parse(e.params) as Record<string, unknown>).auditAnchor),
      sha256: e.sha256,
      size: e.size,
      fileName: e.fileName,
      channel: e.channel,
      actor: e.actor,
      createdAt: e.createdAt.toISOString(),
      shares: e.shares.map((s) => ({
        id: s.id,
        recipient: s.recipient,
        expiresAt: s.expiresAt.toISOString(),
        revokedAt: s.revokedAt?.toISOString() ?? null,
        accesses: s._count.accesses,
        passphrase: s.passphraseHash !== null,
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Sharing hands the register to someone outside: the DPO's or ADMIN's decision.
  const ctx = await requireOrgContext(request, params.org, "org:update");
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === "revoke") {
    const parsed = RevokeSchema.safeParse(form);
    if (!parsed.success || !(await revokeShareLink(ctx.user.id, ctx.org.id, parsed.data.id))) throw new Response("Not Found", { status: 404 });
    return redirectWithToast(request, `/o/${ctx.org.slug}/exports`, { type: "success", key: "toast.shareRevoked" });
  }
  const parsed = ShareSchema.safeParse(form);
  if (!parsed.success)
    return data(
      { error: parsed.error.issues[0]?.message ?? "errors.invalid", link: null, recipient: null, exportId: String(form.exportId ?? "") },
      { status: 400 },
    );
  const v = parsed.data;
  try {
    // End of the chosen day, Paris time being at most two hours ahead of UTC.
    const expiresAt = new Date(`${v.expiresAt}T21:59:59Z`);
    const { token } = await createShareLink(ctx.user.id, ctx.org.id, v.exportId, { recipient: v.recipient, expiresAt, passphrase: v.passphrase ?? null });
    const origin = getEnv().PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
    return { error: null, link: `${origin}/s/${token}`, recipient: v.recipient, exportId: v.exportId };
  } catch (err) {
    // Another organization's (or no) export: domainError throws a 404, as for every resource outside the member's organization.
    const e = domainError(err);
    return data({ error: e.key, link: null, recipient: null, exportId: v.exportId }, { status: e.status });
  }
}

function formatSize(t: ReturnType<typeof useT>["t"], bytes: number) {
  return bytes < 1024 * 1024
    ? t("exports.sizeKb", { value: Math.max(1, Math.round(bytes / 1024)) })
    : t("exports.sizeMb", { value: (bytes / 1024 / 1024).toFixed(1) });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "exports.title");

export default function Exports() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const i18n = useT();
  const { t, date, locale } = i18n;
  const base = `/o/${d.org.slug}`;
  const maxDate = new Date(Date.now() + SHARE_MAX_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const defaultDate = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return (
    <div className="page">
      <h1>{t("exports.title")}</h1>
      <p className="lead">{t("exports.intro")}</p>
      <section className="panel" aria-labelledby="gen-h">
        <h2 id="gen-h">{t("exports.generate")}</h2>
        <Form method="post" action={`${base}/exports/generate`} reloadDocument className="stack">
          <div className="grid-2">
            <div className="field">
              <label htmlFor="x-format">{t("exports.format")}</label>
              <select id="x-format" name="format" defaultValue="pdf">
                {EXPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(formatLabel(f))}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="x-locale">{t("exports.language")}</label>
              <select id="x-locale" name="locale" defaultValue={locale}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="x-scope">{t("exports.scope")}</label>
              <select id="x-scope" name="scope" defaultValue="all">
                {(["all", "controller", "processor"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`exports.scope.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="x-asof">{t("exports.asOf")}</label>
              <input id="x-asof" type="date" name="asOf" />
            </div>
            <div className="field">
              <label htmlFor="x-sep">{t("exports.separator")}</label>
              <select id="x-sep" name="separator" defaultValue={locale === "fr" ? "semicolon" : "comma"}>
                <option value="comma">{t("exports.separator.comma")}</option>
                <option value="semicolon">{t("exports.separator.semicolon")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="x-ref">{t("exports.ref")}</label>
              <input id="x-ref" type="text" name="ref" placeholder="T-0001" pattern="T-\d{4,}" />
            </div>
          </div>
          <fieldset className="checks">
            <legend>{t("exports.departments")}</legend>
            {d.departments.map((dep) => (
              <label key={dep.id} className="check">
                <input type="checkbox" name="departments" value={dep.name} /> {dep.name}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button primary">
            {t("exports.submit")}
          </button>
        </Form>
      </section>

      {result?.link ? (
        <div className="callout success" role="status">
          <p>{t("exports.shareCreated", { recipient: result.recipient ?? "" })}</p>
          <label className="field">
            <span>{t("exports.shareLink")}</span>
            <input type="text" readOnly value={result.link} className="copy-field" />
          </label>
        </div>
      ) : null}
      {result?.error ? <FormErrors errors={[result.error]} /> : null}

      <section aria-labelledby="log-h">
        <h2 id="log-h">{t("exports.log")}</h2>
        {d.exports.length === 0 ? (
          <div className="empty-state callout">
            <p>
              <strong>{t("exports.empty")}</strong>
            </p>
            <p>{t("empty.exports.body")}</p>
          </div>
        ) : null}
        <ul className="plain-list">
          {d.exports.map((e) => (
            <li key={e.id} className="card export-card">
              <h3>
                {exportFormatLabel(i18n, e.format)} — {date(e.createdAt, true)}
              </h3>
              <p>
                {e.actor ?? "—"} (
                {t(
                  e.channel === "cli"
                    ? "exports.channel.cli"
                    : e.channel === "public"
                      ? "exports.channel.public"
                      : e.channel === "api"
                        ? "exports.channel.api"
                        : "exports.channel.ui",
                )}
                ) · {formatSize(t, e.size)} · {exportParamLabels(t, (x) => date(x), e.params).join(" · ")}
              </p>
              <p>
                {t("exportLog.sha256")} <code className="details">{e.sha256}</code>
              </p>
              {e.auditAnchor ? (
                <p>
                  {t("exports.auditAnchor", { seq: e.auditAnchor.seq })} : <code className="details">{e.auditAnchor.hash}</code>
                </p>
              ) : null}
              <p>
                <a href={`${base}/exports/${e.id}/download`} className="button">
                  {t("exports.download")}
                  <span className="visually-hidden"> {e.fileName}</span>
                </a>
              </p>
              {e.shares.length ? (
                <>
                  <h4>{t("exports.shares")}</h4>
                  <ul>
                    {e.shares.map((s) => {
                      const state = s.revokedAt
                        ? t("exports.shareRevoked")
                        : new Date(s.expiresAt) < new Date()
                          ? t("exports.shareExpired")
                          : t("exports.shareActive", { date: date(s.expiresAt, true) });
                      return (
                        <li key={s.id} className="row">
                          <span>
                            {s.recipient} — {state} — <Link to={`?access=${s.id}#access-h`}>{t("exports.shareAccesses", { count: s.accesses })}</Link>
                          </span>
                          {!s.revokedAt && d.canShare ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="revoke" />
                              <input type="hidden" name="id" value={s.id} />
                              <button type="submit" className="button danger">
                                {t("exports.shareRevoke")}
                                <span className="visually-hidden"> {s.recipient}</span>
                              </button>
                            </Form>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : null}
              {d.canShare ? (
                <details className="share-details">
                  <summary>{t("exports.share")}</summary>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="share" />
                    <input type="hidden" name="exportId" value={e.id} />
                    <div className="field">
                      <label htmlFor={`r-${e.id}`}>{t("exports.shareRecipient")}</label>
                      <p className="hint" id={`rh-${e.id}`}>
                        {t("exports.shareRecipientHint")}
                      </p>
                      <input id={`r-${e.id}`} name="recipient" required maxLength={200} aria-describedby={`rh-${e.id}`} />
                    </div>
                    <div className="field">
                      <label htmlFor={`x-${e.id}`}>{t("exports.shareExpires")}</label>
                      <input id={`x-${e.id}`} type="date" name="expiresAt" required defaultValue={defaultDate} max={maxDate} />
                    </div>
                    <div className="field">
                      <label htmlFor={`p-${e.id}`}>{t("exports.sharePassphrase")}</label>
                      <input id={`p-${e.id}`} type="password" name="passphrase" autoComplete="new-password" minLength={8} />
                    </div>
                    <button type="submit" className="button">
                      {t("exports.shareCreate")}
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {d.accesses ? (
        <section aria-labelledby="access-h" className="panel">
          <h2 id="access-h">{t("exports.accessLog")}</h2>
          <p className="muted">{d.canSeeIp ? t("shares.ipRetention", { days: d.ipRetentionDays }) : t("shares.ipHidden")}</p>
          <table>
            <caption className="visually-hidden">{t("exports.accessLog")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("exports.when")}</th>
                {d.canSeeIp ? <th scope="col">{t("exports.ipAddress")}</th> : null}
                <th scope="col">{t("audit.action")}</th>
              </tr>
            </thead>
            <tbody>
              {d.accesses.map((a) => (
                <tr key={a.id}>
                  <td>{date(a.at, true)}</td>
                  {d.canSeeIp ? <td>{a.ip ?? "—"}</td> : null}
                  <td>{t(`exports.outcome.${a.outcome as "downloaded"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

/** Errors of this page (unknown record, refused access…) stay inside the organization's layout, with a way back. */
export function ErrorBoundary() {
  const { org } = useParams();
  return <SectionErrorBoundary to={`/o/${org}/activities`} label="ui.error.back.register" />;
}
