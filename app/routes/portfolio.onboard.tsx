/**
 * Bulk onboarding (issue 14, ADR 019): upload a CSV or XLSX, read the preview (what would be created,
 * what already exists, what is wrong), then confirm. The preview carries the rows back in a hidden
 * field, validated again on confirmation: no JavaScript and no server-side draft needed. Nothing is
 * created while any row has an error (all or nothing).
 */
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { checkRows, OnboardingRowSchema, readOnboardingFile, type CheckedRow, type OnboardingRow } from "~/import/organizations.ts";
import { ImportFileError } from "~/import/limits.ts";
import { onboardOrganizations, OnboardingConflictError, planOnboarding } from "~/models/bulk-onboarding.server.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";
import type { MessageKey, Params } from "~/utils/i18n.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { requireOnboarder } from "~/http/portfolio-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

const MAX_BYTES = 2 * 1024 * 1024;
/** The confirmed rows travel back as JSON in one field: room for 1,000 rows. */
const MAX_PAYLOAD = 1_000_000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOnboarder(request);
  return null;
}

type Preview = {
  rows: {
    line: number;
    name: string;
    siren: string;
    slug: string;
    kind: string;
    email: string;
    state: "create" | "exists" | "error";
    problems: MessageKey[];
  }[];
  payload: string | null;
  counts: { create: number; exists: number; errors: number };
};

const fail = (key: MessageKey, params?: Params) => data({ error: { key, params }, preview: null as Preview | null }, { status: 400 });

async function preview(checked: CheckedRow[]): Promise<Preview> {
  const valid = checked.flatMap((r) => (r.value ? [r.value] : []));
  const plan = await planOnboarding(valid);
  const exists = new Set(plan.existing.map((e) => e.siren));
  const slugTaken = new Set(plan.slugTaken.map((r) => r.slug));
  const rows = checked.map((r) => {
    const problems = r.problems.map((p) => p.key);
    if (r.value && slugTaken.has(r.value.slug)) problems.push("portfolio.onboard.errors.slugTaken");
    const state: "create" | "exists" | "error" = problems.length ? "error" : r.value && exists.has(r.value.siren) ? "exists" : "create";
    return {
      line: r.line,
      name: r.value?.name ?? r.input.name,
      siren: r.value?.siren ?? r.input.siren,
      slug: r.value?.slug ?? r.input.slug,
      kind: r.value?.kind ?? r.input.kind,
      email: r.value?.email ?? r.input.email,
      state,
      problems,
    };
  });
  const errors = rows.filter((r) => r.state === "error").length;
  return {
    rows,
    payload: errors === 0 ? JSON.stringify(valid) : null,
    counts: { create: rows.filter((r) => r.state === "create").length, exists: rows.filter((r) => r.state === "exists").length, errors },
  };
}

async function readOnboardForm(request: Request): Promise<FormData | ReturnType<typeof fail>> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readForm(request, { maxValueLength: MAX_PAYLOAD });
  try {
    return await readMultipartForm(request, { maxFileBytes: MAX_BYTES + 1, maxValueLength: MAX_PAYLOAD });
  } catch (err) {
    if (err instanceof MaxPartSizeExceededError) return fail("portfolio.onboard.errors.tooLarge", { max: 2 });
    if (err instanceof TypeError) throw new Response("Bad Request", { status: 400 });
    throw err;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireOnboarder(request);
  const form = await readOnboardForm(request);
  if (!(form instanceof FormData)) return form;
  const payload = form.get("payload");
  if (payload === null) {
    // Step 1: the file, read and checked; nothing is written.
    const file = form.get("file");
    if (!isUploadedFile(file) || file.size === 0) return fail("portfolio.onboard.errors.noFile");
    if (file.size > MAX_BYTES) return fail("portfolio.onboard.errors.tooLarge", { max: 2 });
    try {
      const raw = await readOnboardingFile(new Uint8Array(await file.arrayBuffer()));
      return data({ error: null, preview: await preview(checkRows(raw)) });
    } catch (err) {
      if (err instanceof ImportFileError) return fail(err.key, err.params);
      throw err;
    }
  }
  // Step 2: the confirmed rows, validated again (the hidden field is the client's to change).
  let rows: OnboardingRow[];
  try {
    rows = z
      .array(OnboardingRowSchema)
      .min(1)
      .max(1000)
      .parse(JSON.parse(String(payload)));
  } catch {
    return fail("portfolio.onboard.errors.payload");
  }
  try {
    const res = await onboardOrganizations(ctx.user.id, rows);
    return redirectWithToast(request, "/portfolio", {
      type: "success",
      key: "portfolio.onboard.doneToast",
      params: { created: res.created.length, skipped: res.skipped },
    });
  } catch (err) {
    if (err instanceof OnboardingConflictError) return fail("portfolio.onboard.errors.slugTaken");
    throw err;
  }
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "portfolio.onboard.title");

export default function Onboard() {
  const a = useActionData<typeof action>();
  const { t } = useT();
  const p = (a?.preview ?? null) as Preview | null;
  return (
    <div className="page">
      <h1>{t("portfolio.onboard.title")}</h1>
      <p className="lead">{t("portfolio.onboard.intro")}</p>
      <p>{t("portfolio.onboard.columns")}</p>
      {a?.error ? (
        <p className="callout warning" role="alert">
          {t(a.error.key as MessageKey, a.error.params as Params | undefined)}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack narrow-form" reloadDocument>
        <label>
          {t("portfolio.onboard.file")}
          <input type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </label>
        <button type="submit" className="button">
          {t("portfolio.onboard.preview")}
        </button>
      </Form>
      {p ? (
        <section aria-labelledby="preview-h" className="stack">
          <h2 id="preview-h">{t("portfolio.onboard.previewTitle")}</h2>
          <p role="status">{t("portfolio.onboard.summary", p.counts)}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="preview-h">
            <table className="register-table">
              <thead>
                <tr>
                  <th scope="col">{t("portfolio.onboard.line")}</th>
                  <th scope="col">{t("portfolio.col.name")}</th>
                  <th scope="col">{t("portfolio.onboard.siren")}</th>
                  <th scope="col">{t("portfolio.col.slug")}</th>
                  <th scope="col">{t("portfolio.col.kind")}</th>
                  <th scope="col">{t("portfolio.onboard.email")}</th>
                  <th scope="col">{t("portfolio.onboard.result")}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.name}</td>
                    <td>{r.siren}</td>
                    <td>{r.slug}</td>
                    <td>{r.kind}</td>
                    <td>{r.email}</td>
                    <td>
                      {t(`portfolio.onboard.state.${r.state}`)}
                      {r.problems.length ? (
                        <ul>
                          {r.problems.map((k, i) => (
                            <li key={i}>{t(k)}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.payload !== null && p.counts.create > 0 ? (
            <Form method="post" reloadDocument>
              <input type="hidden" name="payload" value={p.payload} />
              <button type="submit" className="button primary">
                {t("portfolio.onboard.confirm", { count: p.counts.create })}
              </button>
            </Form>
          ) : p.payload === null ? (
            <p className="callout warning">{t("portfolio.onboard.fixFirst")}</p>
          ) : (
            <p className="callout">{t("portfolio.onboard.nothingToDo")}</p>
          )}
        </section>
      ) : null}
      <p>
        <Link to="/portfolio">{t("portfolio.back")}</Link>
      </p>
    </div>
  );
}
