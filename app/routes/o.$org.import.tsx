/**
 * Import of a register (XLSX, CSV, or the JSON export of another Registre). ADMIN and DPO only.
 * 1. upload (multipart POST): the file is checked, kept on the server for at most an hour
 *    (data/tmp/imports/<random>.bin) and the browser is sent to ?upload=<id>;
 * 2. preview (GET ?upload=<id>&map.<column>=<field>): rows, actions, errors and warnings, recognised and
 *    unrecognised columns; the column mapping is a GET form, so it works without JavaScript;
 * 3. confirm (POST intent=commit): everything is written in one transaction, or nothing; the file is deleted.
 * Nothing is written before step 3.
 */
import { SectionErrorBoundary } from "~/components/error-page.tsx";
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { importFieldLabel } from "~/import/field-labels.server.ts";
import { isMappableField, MAPPABLE_FIELDS, type ColumnMapping, type ImportField } from "~/import/headers.ts";
import { IMPORT_LIMITS, ImportFileError, type ImportMessage } from "~/import/limits.ts";
import { detectFormat } from "~/import/parse.ts";
import { commitImport, deletePendingImport, previewImport, readPendingImport, storePendingImport, type ImportAction } from "~/models/import.server.ts";
import { domainError, toastError } from "~/http/domain-errors.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import type { MessageKey, T } from "~/utils/i18n.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";

const PAGE_SIZE = 100;
const UPLOAD_ID = /^[a-f0-9]{32}$/;

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: `${t("import.title")} — ${t("app.name")}` }];
};

/** map.<column index> = field | "ignore" (empty = automatic). */
function readMapping(entries: Iterable<[string, FormDataEntryValue]>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [k, v] of entries) {
    const m = /^map\.(\d{1,3})$/.exec(k);
    if (!m || typeof v !== "string" || v === "") continue;
    const index = Number(m[1]);
    if (index >= IMPORT_LIMITS.maxColumns) continue;
    if (v === "ignore" || isMappableField(v)) mapping[index] = v;
  }
  return mapping;
}

const limits = {
  maxMb: Math.round(IMPORT_LIMITS.maxBytes / 1024 / 1024),
  maxRows: IMPORT_LIMITS.maxRows,
  maxColumns: IMPORT_LIMITS.maxColumns,
  maxCell: IMPORT_LIMITS.maxCellLength,
};

type RowView = {
  rowNumber: number;
  sourceRef: string | null;
  name: string | null;
  action: ImportAction | null;
  targetRef: string | null;
  departmentName: string | null;
  errors: ImportMessage[];
  warnings: ImportMessage[];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "org:update");
  const url = new URL(request.url);
  const upload = url.searchParams.get("upload");
  const base = { org: ctx.org.slug, limits, error: null as ImportMessage | null, preview: null };
  if (!upload) return base;
  if (!UPLOAD_ID.test(upload)) return { ...base, error: { key: "errors.import.expired" } as ImportMessage };
  const pending = readPendingImport(ctx.org.id, ctx.user.id, upload);
  if (!pending) return { ...base, error: { key: "errors.import.expired" } as ImportMessage };
  const mapping = readMapping(url.searchParams.entries());
  let preview;
  try {
    preview = await previewImport(ctx.org.id, pending.bytes, mapping);
  } catch (err) {
    // An unreadable file is dropped and the page says why.
    const e = domainError(err);
    deletePendingImport(upload);
    return { ...base, error: { key: e.key, params: e.params } };
  }
  // Field labels come translated from here: the column headers (tabular.*) stay on the server.
  const locale = await getLocale(request);
  const fieldLabel = (field: ImportField): string => importFieldLabel(locale, field);
  const onlyProblems = url.searchParams.get("problems") === "1";
  const all = onlyProblems ? preview.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) : preview.rows;
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(url.searchParams.get("page")) || 1));
  const query = new URLSearchParams(url.searchParams);
  query.delete("page");
  return {
    ...base,
    preview: {
      upload,
      fileName: pending.fileName,
      format: preview.format,
      encoding: preview.encoding ?? null,
      separator: preview.separator ?? null,
      sheet: preview.sheet ?? null,
      headerRow: preview.headerRow ?? null,
      columns: preview.columns.map((c) => ({ ...c, fieldLabel: c.field ? fieldLabel(c.field) : null })),
      mappable: MAPPABLE_FIELDS.map((field) => ({ field, label: fieldLabel(field) })),
      mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v])) as Record<string, string>,
      fileErrors: preview.fileErrors,
      fileWarnings: preview.fileWarnings,
      counts: preview.counts,
      canCommit: preview.canCommit,
      onlyProblems,
      page,
      pages,
      total: all.length,
      query: query.toString(),
      rows: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r): RowView => ({
        rowNumber: r.rowNumber,
        sourceRef: r.sourceRef,
        name: r.name,
        action: r.action,
        targetRef: r.target?.ref ?? null,
        departmentName: r.departmentName,
        errors: r.errors,
        warnings: r.warnings,
      })),
    },
  };
}

const fail = (key: MessageKey, params?: ImportMessage["params"]) => data({ error: { key, params } as ImportMessage }, { status: 400 });

/**
 * The upload is multipart, the other forms are not; any multipart body goes through the size-limited
 * parser, which stops reading one byte past the limit.
 */
async function readUploadForm(request: Request): Promise<FormData | ReturnType<typeof fail>> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readForm(request);
  try {
    return await readMultipartForm(request, { maxFileBytes: IMPORT_LIMITS.maxBytes + 1 });
  } catch (err) {
    if (err instanceof MaxPartSizeExceededError) return fail("errors.import.tooLarge", { max: limits.maxMb });
    if (err instanceof TypeError) throw new Response("Bad Request", { status: 400 });
    throw err;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "org:update");
  const page = `/o/${ctx.org.slug}/import`;
  const form = await readUploadForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");

  if (intent === "upload") {
    const file = form.get("file");
    if (!isUploadedFile(file) || file.size === 0) return fail(isUploadedFile(file) ? "errors.import.empty" : "errors.import.noFile");
    if (file.size > IMPORT_LIMITS.maxBytes) return fail("errors.import.tooLarge", { max: limits.maxMb });
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      detectFormat(bytes);
    } catch (err) {
      const e = domainError(err);
      return fail(e.key, e.params);
    }
    const id = storePendingImport(ctx.org.id, ctx.user.id, file.name, bytes);
    return new Response(null, { status: 303, headers: { Location: `${page}?upload=${id}` } });
  }

  const upload = String(form.get("upload") ?? "");
  if (!UPLOAD_ID.test(upload)) throw new Response("Bad Request", { status: 400 });
  if (intent === "cancel") {
    deletePendingImport(upload);
    return redirectWithToast(request, page, { type: "info", key: "import.toast.cancelled" });
  }
  if (intent !== "commit") throw new Response("Bad Request", { status: 400 });

  const pending = readPendingImport(ctx.org.id, ctx.user.id, upload);
  if (!pending) return redirectWithToast(request, page, { type: "error", key: "errors.import.expired" });
  const mapping = readMapping(form.entries());
  const back = `${page}?${new URLSearchParams([["upload", upload], ...Object.entries(mapping).map(([k, v]) => [`map.${k}`, v] as [string, string])]).toString()}`;
  try {
    const preview = await previewImport(ctx.org.id, pending.bytes, mapping);
    const result = await commitImport(ctx.user.id, ctx.org.id, preview);
    deletePendingImport(upload);
    return redirectWithToast(request, `/o/${ctx.org.slug}/activities`, {
      type: "success",
      key: "import.toast.committed",
      params: { created: result.created, updated: result.updated, newDrafts: result.newDrafts, unchanged: result.unchanged },
    });
  } catch (err) {
    // An unreadable file is dropped (nothing to retry); otherwise the upload stays to fix the rows or the mapping.
    const e = domainError(err);
    if (e instanceof ImportFileError) deletePendingImport(upload);
    return toastError(e, request, e instanceof ImportFileError ? page : back);
  }
}

function Message({ m }: { m: ImportMessage }) {
  const { t } = useT();
  const text = t(m.key, m.params);
  return <>{m.path ? `${t("import.rows.field", { path: m.path })} — ${text}` : text}</>;
}

function actionText(t: T, r: RowView): string {
  if (!r.action) return t("import.action.none");
  if (r.action === "create") return t("import.action.create");
  return t(`import.action.${r.action}`, { ref: r.targetRef ?? "" });
}

function MappingInputs({ mapping }: { mapping: Record<string, string> }) {
  return (
    <>
      {Object.entries(mapping).map(([k, v]) => (
        <input key={k} type="hidden" name={`map.${k}`} value={v} />
      ))}
    </>
  );
}

export default function ImportPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const error = (actionData && "error" in actionData ? actionData.error : null) ?? d.error;
  const p = d.preview;
  const base = `/o/${d.org}/import`;
  return (
    <div className="page">
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.intro")}</p>

      {error ? (
        <div className="form-errors" role="alert">
          <p>{t(error.key, error.params)}</p>
        </div>
      ) : null}

      {!p ? (
        <section className="panel" aria-labelledby="upload-h">
          <h2 id="upload-h">{t("import.upload.title")}</h2>
          <Form method="post" encType="multipart/form-data" className="stack">
            <input type="hidden" name="intent" value="upload" />
            <div className="field">
              <label htmlFor="import-file">{t("import.upload.file")}</label>
              <p className="hint" id="import-file-hint">
                {t("import.upload.hint")} {t("import.limits", d.limits)}
              </p>
              <input
                id="import-file"
                type="file"
                name="file"
                required
                aria-describedby="import-file-hint"
                accept=".xlsx,.csv,.txt,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
              />
            </div>
            <p className="hint">{t("import.rules")}</p>
            <button type="submit" className="button primary">
              {t("import.upload.submit")}
            </button>
          </Form>
        </section>
      ) : (
        <>
          <section aria-labelledby="preview-h">
            <h2 id="preview-h">{t("import.preview.title")}</h2>
            <ul className="plain-list">
              <li>{t("import.preview.file", { name: p.fileName })}</li>
              <li>
                {t("import.preview.format", { format: t(`import.format.${p.format}`) })}
                {p.encoding
                  ? ` — ${t("import.preview.csvDetails", { encoding: p.encoding, separator: p.separator === "\t" ? t("import.separator.tab") : (p.separator ?? "") })}`
                  : ""}
                {p.sheet ? ` — ${t("import.preview.sheet", { sheet: p.sheet })}` : ""}
              </li>
              {p.headerRow ? <li>{t("import.preview.headerRow", { row: p.headerRow })}</li> : null}
            </ul>
            <ul className="stats">
              {(["rows", "create", "update", "newDraft", "unchanged", "errors", "warnings"] as const).map((k) => (
                <li key={k} className="stat">
                  <span className="stat-value">{p.counts[k]}</span> <span className="stat-label">{t(`import.count.${k}`)}</span>
                </li>
              ))}
            </ul>
            {p.fileErrors.length ? (
              <div className="form-errors" role="alert">
                <p>
                  <strong>{t("import.fileErrors")}</strong>
                </p>
                {p.fileErrors.map((m, i) => (
                  <p key={i}>
                    <Message m={m} />
                  </p>
                ))}
              </div>
            ) : null}
            {p.fileWarnings.length ? (
              <div className="callout warning">
                <p>
                  <strong>{t("import.fileWarnings")}</strong>
                </p>
                {p.fileWarnings.map((m, i) => (
                  <p key={i}>
                    <Message m={m} />
                  </p>
                ))}
              </div>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="confirm-h">
            <h2 id="confirm-h" className="visually-hidden">
              {t("import.confirm")}
            </h2>
            <p>{p.canCommit ? t("import.confirm.ready") : t("import.confirm.blocked")}</p>
            <div className="button-row">
              <Form method="post">
                <input type="hidden" name="intent" value="commit" />
                <input type="hidden" name="upload" value={p.upload} />
                <MappingInputs mapping={p.mapping} />
                <button type="submit" className="button primary" disabled={!p.canCommit} aria-disabled={!p.canCommit}>
                  {t("import.confirm")}
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="upload" value={p.upload} />
                <button type="submit" className="button">
                  {t("import.cancel")}
                </button>
              </Form>
            </div>
          </section>

          {p.columns.length ? (
            <section aria-labelledby="columns-h">
              <h2 id="columns-h">{t("import.columns.title")}</h2>
              <p>{t("import.columns.intro")}</p>
              <Form method="get" action={base}>
                <input type="hidden" name="upload" value={p.upload} />
                <div className="table-wrap">
                  <table className="compact-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("import.columns.header")}</th>
                        <th scope="col">{t("import.columns.recognised")}</th>
                        <th scope="col">{t("import.columns.mapping")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.columns.map((c) => {
                        const header = c.header || t("import.columns.untitled", { number: c.index + 1 });
                        const id = `map-${c.index}`;
                        return (
                          <tr key={c.index}>
                            <th scope="row">{header}</th>
                            <td>
                              {c.field && c.source === "header" ? (
                                `${c.fieldLabel}${c.informational ? ` — ${t("import.columns.informational")}` : ""}`
                              ) : c.source === "none" ? (
                                <span className="warning-text">{t("import.columns.notRecognised")}</span>
                              ) : (
                                "—"
                              )}
                            </td>
                            <td>
                              <label htmlFor={id} className="visually-hidden">
                                {t("import.columns.mappingOf", { column: header })}
                              </label>
                              <select id={id} name={`map.${c.index}`} defaultValue={p.mapping[String(c.index)] ?? ""}>
                                <option value="">{t("import.columns.auto")}</option>
                                <option value="ignore">{t("import.columns.ignore")}</option>
                                {p.mappable.map(({ field: f, label: fieldLabelText }) => (
                                  <option key={f} value={f}>
                                    {fieldLabelText}
                                  </option>
                                ))}
                              </select>
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <button type="submit" className="button">
                  {t("import.columns.apply")}
                </button>
              </Form>
            </section>
          ) : null}

          <section aria-labelledby="rows-h">
            <h2 id="rows-h">{t("import.rows.title")}</h2>
            <Form method="get" action={base} className="inline-form">
              <input type="hidden" name="upload" value={p.upload} />
              <MappingInputs mapping={p.mapping} />
              <label className="check">
                <input type="checkbox" name="problems" value="1" defaultChecked={p.onlyProblems} /> {t("import.rows.onlyProblems")}
              </label>
              <button type="submit" className="button">
                {t("import.rows.filter")}
              </button>
            </Form>
            {p.rows.length === 0 ? (
              <p>{t("import.rows.none")}</p>
            ) : (
              <>
                <p>{t("import.rows.range", { from: (p.page - 1) * PAGE_SIZE + 1, to: (p.page - 1) * PAGE_SIZE + p.rows.length, total: p.total })}</p>
                <div className="table-wrap">
                  <table className="compact-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("import.rows.row")}</th>
                        <th scope="col">{t("import.rows.ref")}</th>
                        <th scope="col">{t("import.rows.name")}</th>
                        <th scope="col">{t("import.rows.department")}</th>
                        <th scope="col">{t("import.rows.action")}</th>
                        <th scope="col">{t("import.rows.messages")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.rows.map((r) => (
                        <tr key={r.rowNumber}>
                          <th scope="row">{r.rowNumber}</th>
                          <td>{r.sourceRef ?? "—"}</td>
                          <td>{r.name ?? "—"}</td>
                          <td>{r.departmentName ?? "—"}</td>
                          <td>{actionText(t, r)}</td>
                          <td>
                            {r.errors.length || r.warnings.length ? (
                              <ul className="compact-list">
                                {r.errors.map((m, i) => (
                                  <li key={`e${i}`} className="warning-text">
                                    <strong>{t("import.rows.error")}</strong> — <Message m={m} />
                                  </li>
                                ))}
                                {r.warnings.map((m, i) => (
                                  <li key={`w${i}`}>
                                    <strong>{t("import.rows.warning")}</strong> — <Message m={m} />
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              "—"
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {p.pages > 1 ? (
                  <nav className="pagination" aria-label={t("common.pagination")}>
                    {p.page > 1 ? <Link to={`${base}?${p.query}&page=${p.page - 1}`}>{t("common.previous")}</Link> : null}
                    <span>{t("common.pageOf", { page: p.page, pages: p.pages })}</span>
                    {p.page < p.pages ? <Link to={`${base}?${p.query}&page=${p.page + 1}`}>{t("common.next")}</Link> : null}
                  </nav>
                ) : null}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** Errors of this page (unknown record, refused access…) stay inside the organization's layout, with a way back. */
export function ErrorBoundary() {
  const { org } = useParams();
  return <SectionErrorBoundary to={`/o/${org}/activities`} label="ui.error.back.register" />;
}
