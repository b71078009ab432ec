/**
 * The shared catalogue (issue 14, ADR 020). Two sides on one page:
 * - the organization's own catalogue, for its ADMIN/DPO: which of its vendors are shared, and which
 *   organizations may read them (grants);
 * - the shared vendors offered to the organization by the catalogues it was granted: every member reads
 *   them; its ADMIN/DPO subscribes and keeps the organization's own contract (DPA) with each.
 * Every form is a plain POST with an intent (works without JavaScript); the subscriber's signed DPA
 * (PDF) is a multipart POST to the same action, checked like a private vendor's DPA.
 */
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { CountryLabel, formatSize } from "~/components/vendor-fields.tsx";
import {
  CatalogueError,
  deleteSubscriptionDpaFile,
  grantCatalogue,
  listAvailableSharedVendors,
  listGrants,
  listOwnVendorsForSharing,
  revokeGrant,
  setVendorShared,
  storeSubscriptionDpaFile,
  subscribeVendor,
  unsubscribeVendor,
  updateSubscriptionContract,
} from "~/models/catalogue.server.ts";
import { canManageCatalogue, canReadCatalogue, canSubscribe } from "~/policies/catalogue.ts";
import { DPA_STATUSES } from "~/schemas/vendor.ts";
import { forbidden, requireOrgContext } from "~/http/auth.server.ts";
import { InvalidDpaFileError, MAX_DPA_BYTES } from "~/models/vendor.server.ts";
import type { Locale, MessageKey } from "~/utils/i18n.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { ErrorList } from "~/components/forms.tsx";
import { blank, z } from "~/utils/validation.ts";

const Id = z.string().min(1).max(40);
const optionalDate = z.preprocess(blank, z.iso.date().optional());
const optionalText = (max: number) => z.preprocess(blank, z.string().max(max).optional());

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("share"), vendorId: Id, shared: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("grant"), slug: z.string().trim().min(1).max(80) }),
  z.object({ intent: z.literal("revoke"), organizationId: Id }),
  z.object({ intent: z.literal("subscribe"), vendorId: Id }),
  z.object({ intent: z.literal("unsubscribe"), vendorId: Id }),
  z.object({
    intent: z.literal("contract"),
    vendorId: Id,
    dpaStatus: z.enum(DPA_STATUSES),
    dpaSignedAt: optionalDate,
    dpaReference: optionalText(200),
    dpaNextReview: optionalDate,
    notes: optionalText(2000),
  }),
]);

const DONE = {
  share: "catalogue.done.share",
  grant: "catalogue.done.grant",
  revoke: "catalogue.done.revoke",
  subscribe: "catalogue.done.subscribe",
  unsubscribe: "catalogue.done.unsubscribe",
  contract: "catalogue.done.contract",
} as const;

const DpaIntentSchema = z.object({ intent: z.enum(["uploadDpa", "deleteDpa"]), vendorId: Id });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!canReadCatalogue(ctx.membership)) throw forbidden();
  const manage = canManageCatalogue(ctx.membership);
  const [available, own, grants] = await Promise.all([
    listAvailableSharedVendors(ctx.org.id),
    manage ? listOwnVendorsForSharing(ctx.org.id) : Promise.resolve([]),
    manage ? listGrants(ctx.org.id) : Promise.resolve([]),
  ]);
  return {
    manage,
    instanceCatalogue: ctx.org.instanceCatalogue,
    subscribe: canSubscribe(ctx.membership),
    maxDpaBytes: MAX_DPA_BYTES,
    own: own.map((v) => ({ id: v.id, name: v.name, country: v.country, shared: v.shared, subscribers: v._count.subscriptions })),
    grants: grants.map((g) => ({ id: g.id, name: g.name, slug: g.slug })),
    available: available.map((v) => ({
      id: v.id,
      name: v.name,
      owner: v.owner,
      instance: v.instance,
      country: v.country,
      parentName: v.parentName,
      parentCountry: v.parentCountry,
      services: v.services.map((s) => ({ id: s.id, name: s.name, snc: s.secNumCloudQualified, countries: [...new Set(s.locations.map((l) => l.country))] })),
      subscription: v.subscription
        ? {
            dpaStatus: v.subscription.dpaStatus,
            dpaSignedAt: v.subscription.dpaSignedAt?.toISOString().slice(0, 10) ?? "",
            dpaReference: v.subscription.dpaReference ?? "",
            dpaNextReview: v.subscription.dpaNextReview?.toISOString().slice(0, 10) ?? "",
            notes: v.subscription.notes ?? "",
            dpaFile: v.subscription.dpaFileHash ? { name: v.subscription.dpaFileName ?? "dpa.pdf", size: v.subscription.dpaFileSize ?? 0 } : null,
          }
        : null,
    })),
  };
}

/** A refusal shown on the page; `vendorId` when it concerns one vendor's file field. */
const fail = (error: MessageKey, status = 400, vendorId?: string) =>
  data<{ error: MessageKey; vendorId?: string }>(vendorId ? { error, vendorId } : { error }, { status });

/**
 * Any client may send multipart, so any multipart body goes through the size-limited parser; one byte
 * over the limit is enough to know a file is too large (the parser stops reading there).
 */
async function readCatalogueForm(request: Request): Promise<FormData | ReturnType<typeof fail>> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return readForm(request);
  try {
    return await readMultipartForm(request, { maxFileBytes: MAX_DPA_BYTES + 1 });
  } catch (err) {
    if (err instanceof MaxPartSizeExceededError) return fail("errors.fileTooLarge");
    if (err instanceof TypeError) return fail("catalogue.error.invalid");
    throw err;
  }
}

/** The subscriber's signed DPA: upload (or replace) and delete, by its ADMIN/DPO only. */
async function dpaAction(request: Request, formData: FormData, ctx: { userId: string; orgId: string; back: string }) {
  const parsed = DpaIntentSchema.safeParse({ intent: formData.get("intent"), vendorId: formData.get("vendorId") });
  if (!parsed.success) return fail("catalogue.error.invalid");
  const { intent, vendorId } = parsed.data;
  try {
    if (intent === "deleteDpa") {
      await deleteSubscriptionDpaFile(ctx.userId, ctx.orgId, vendorId);
      return redirectWithToast(request, `${ctx.back}#vendor-${vendorId}`, { type: "success", key: "catalogueDpa.done.deleted" });
    }
    const file = formData.get("dpaFile");
    if (!isUploadedFile(file) || file.size === 0) return fail("errors.fileEmpty", 400, vendorId);
    await storeSubscriptionDpaFile(ctx.userId, ctx.orgId, vendorId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  } catch (err) {
    if (err instanceof InvalidDpaFileError) return fail(err.key, 400, vendorId);
    // Another organization's vendor, or one this organization does not subscribe to: nothing is disclosed.
    if (err instanceof CatalogueError) return fail("catalogue.error.not_found", 404);
    throw err;
  }
  return redirectWithToast(request, `${ctx.back}#vendor-${vendorId}`, { type: "success", key: "catalogueDpa.done.uploaded" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const back = `/o/${ctx.org.slug}/catalogue`;
  const formData = await readCatalogueForm(request);
  if (!(formData instanceof FormData)) return formData;
  const intent = formData.get("intent");
  if (intent === "uploadDpa" || intent === "deleteDpa") {
    if (!canSubscribe(ctx.membership)) throw forbidden();
    return dpaAction(request, formData, { userId: ctx.user.id, orgId: ctx.org.id, back });
  }
  const parsed = ActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fail("catalogue.error.invalid");
  const input = parsed.data;
  const ownerSide = input.intent === "share" || input.intent === "grant" || input.intent === "revoke";
  if (ownerSide ? !canManageCatalogue(ctx.membership) : !canSubscribe(ctx.membership)) throw forbidden();
  try {
    switch (input.intent) {
      case "share":
        await setVendorShared(ctx.user.id, ctx.org.id, input.vendorId, input.shared === "true");
        break;
      case "grant":
        await grantCatalogue(ctx.user.id, ctx.org.id, input.slug);
        break;
      case "revoke":
        await revokeGrant(ctx.user.id, ctx.org.id, input.organizationId);
        break;
      case "subscribe":
        await subscribeVendor(ctx.user.id, ctx.org.id, input.vendorId);
        break;
      case "unsubscribe":
        await unsubscribeVendor(ctx.user.id, ctx.org.id, input.vendorId);
        break;
      case "contract":
        await updateSubscriptionContract(ctx.user.id, ctx.org.id, input.vendorId, {
          dpaStatus: input.dpaStatus,
          dpaSignedAt: input.dpaSignedAt ? new Date(input.dpaSignedAt) : null,
          dpaReference: input.dpaReference ?? null,
          dpaNextReview: input.dpaNextReview ? new Date(input.dpaNextReview) : null,
          notes: input.notes ?? null,
        });
        break;
    }
  } catch (err) {
    if (err instanceof CatalogueError) {
      // Another organization's vendor or grant is "not found", whatever the reason: nothing is disclosed.
      const status = err.reason === "not_found" || err.reason === "not_shared" || err.reason === "no_grant" ? 404 : 409;
      return fail(`catalogue.error.${err.reason}`, status);
    }
    throw err;
  }
  return redirectWithToast(request, back, { type: "success", key: DONE[input.intent] });
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "catalogue.title");

export default function Catalogue() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useT();
  const org = useParams().org ?? "";
  return (
    <div className="page">
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      {actionData?.error ? (
        <p role="alert" className="form-errors">
          {t(actionData.error)}
        </p>
      ) : null}

      <section aria-labelledby="available-h">
        <h2 id="available-h">{t("catalogue.available", { count: d.available.length })}</h2>
        {d.available.length === 0 ? <p>{t("catalogue.noneAvailable")}</p> : null}
        <ul className="plain-list">
          {d.available.map((v) => (
            <li key={v.id} id={`vendor-${v.id}`} className="panel">
              <h3>
                {v.name} <span className="muted">{t("catalogue.keptBy", { owner: v.owner })}</span>
                {v.instance ? <span className="status-note">{t("instanceCatalogue.badge")}</span> : null}
              </h3>
              <p>
                {t("catalogue.established")} <CountryLabel code={v.country} />
                {v.parentName ? (
                  <>
                    {" — "}
                    {t("catalogue.parent", { name: v.parentName })} {v.parentCountry ? <CountryLabel code={v.parentCountry} /> : null}
                  </>
                ) : null}
              </p>
              <ul>
                {v.services.map((s) => (
                  <li key={s.id}>
                    {s.name}
                    {s.snc ? ` — ${t("catalogue.secNumCloud")}` : ""} —{" "}
                    {s.countries.length === 0
                      ? t("catalogue.noLocation")
                      : s.countries.map((c, i) => (
                          <span key={c}>
                            {i > 0 ? ", " : ""}
                            <CountryLabel code={c} />
                          </span>
                        ))}
                  </li>
                ))}
              </ul>
              {v.subscription ? (
                <>
                  <p>
                    <strong>{t("catalogue.subscribed")}</strong>
                  </p>
                  {d.subscribe ? (
                    <>
                      <Form method="post" className="stack">
                        <input type="hidden" name="intent" value="contract" />
                        <input type="hidden" name="vendorId" value={v.id} />
                        <fieldset>
                          <legend>{t("catalogue.contract", { name: v.name })}</legend>
                          <label htmlFor={`dpa-${v.id}`}>{t("catalogue.dpaStatus")}</label>
                          <select id={`dpa-${v.id}`} name="dpaStatus" defaultValue={v.subscription.dpaStatus}>
                            {DPA_STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {t(`vendors.dpaStatus.${s}`)}
                              </option>
                            ))}
                          </select>
                          <label htmlFor={`signed-${v.id}`}>{t("catalogue.dpaSignedAt")}</label>
                          <input id={`signed-${v.id}`} type="date" name="dpaSignedAt" defaultValue={v.subscription.dpaSignedAt} />
                          <label htmlFor={`ref-${v.id}`}>{t("catalogue.dpaReference")}</label>
                          <input id={`ref-${v.id}`} name="dpaReference" maxLength={200} defaultValue={v.subscription.dpaReference} />
                          <label htmlFor={`review-${v.id}`}>{t("catalogue.dpaNextReview")}</label>
                          <input id={`review-${v.id}`} type="date" name="dpaNextReview" defaultValue={v.subscription.dpaNextReview} />
                          <label htmlFor={`notes-${v.id}`}>{t("catalogue.notes")}</label>
                          <textarea id={`notes-${v.id}`} name="notes" maxLength={2000} defaultValue={v.subscription.notes} />
                        </fieldset>
                        <button type="submit" className="button">
                          {t("catalogue.saveContract")}
                        </button>
                      </Form>
                      <SubscriptionDpa
                        org={org}
                        vendor={{ id: v.id, name: v.name }}
                        file={v.subscription.dpaFile}
                        maxBytes={d.maxDpaBytes}
                        error={actionData?.vendorId === v.id ? actionData.error : null}
                        locale={locale}
                      />
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="unsubscribe" />
                        <input type="hidden" name="vendorId" value={v.id} />
                        <button type="submit" className="button danger">
                          {t("catalogue.unsubscribe")}
                          <span className="visually-hidden"> {v.name}</span>
                        </button>
                      </Form>
                    </>
                  ) : (
                    <>
                      <p>
                        {t("catalogue.dpaStatus")} : {t(`vendors.dpaStatus.${v.subscription.dpaStatus}`)}
                      </p>
                      {v.subscription.dpaFile ? (
                        <p>
                          <a href={`/o/${org}/catalogue/${v.id}/dpa`} download={v.subscription.dpaFile.name}>
                            {t("vendors.dpaDownload", { name: v.subscription.dpaFile.name, size: formatSize(v.subscription.dpaFile.size, locale) })}
                          </a>
                        </p>
                      ) : null}
                    </>
                  )}
                </>
              ) : d.subscribe ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="subscribe" />
                  <input type="hidden" name="vendorId" value={v.id} />
                  <button type="submit" className="button primary">
                    {t("catalogue.subscribe")}
                    <span className="visually-hidden"> {v.name}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {d.manage ? (
        <>
          <section aria-labelledby="own-h" className="panel">
            <h2 id="own-h">{t("catalogue.own")}</h2>
            <p>{t("catalogue.ownIntro")}</p>
            {d.instanceCatalogue ? <p className="callout">{t("instanceCatalogue.ownIntro")}</p> : null}
            {d.own.length === 0 ? <p>{t("catalogue.noOwnVendor")}</p> : null}
            <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="own-h">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("catalogue.col.vendor")}</th>
                    <th scope="col">{t("catalogue.col.shared")}</th>
                    <th scope="col">{t("catalogue.col.subscribers")}</th>
                    <th scope="col">{t("catalogue.col.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.own.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">
                        <Link to={`/o/${org}/vendors/${v.id}`}>{v.name}</Link>
                      </th>
                      <td>{v.shared ? t("catalogue.yes") : t("catalogue.no")}</td>
                      <td>{v.subscribers}</td>
                      <td>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="share" />
                          <input type="hidden" name="vendorId" value={v.id} />
                          <input type="hidden" name="shared" value={v.shared ? "false" : "true"} />
                          <button type="submit" className="button">
                            {v.shared ? t("catalogue.unshare") : t("catalogue.share")}
                            <span className="visually-hidden"> {v.name}</span>
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="grants-h" className="panel">
            <h2 id="grants-h">{t("catalogue.grants", { count: d.grants.length })}</h2>
            <p>{t("catalogue.grantsIntro")}</p>
            <ul className="plain-list">
              {d.grants.map((g) => (
                <li key={g.id} className="row">
                  <span>{g.name}</span>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="organizationId" value={g.id} />
                    <button type="submit" className="button danger">
                      {t("catalogue.revoke")}
                      <span className="visually-hidden"> {g.name}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="grant" />
              <label htmlFor="grant-slug">{t("catalogue.grantSlug")}</label>
              <input id="grant-slug" name="slug" required maxLength={80} />
              <button type="submit" className="button primary">
                {t("catalogue.grant")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}

/** The subscriber's signed DPA with a shared vendor: download, upload or replace, delete (ADMIN/DPO). */
function SubscriptionDpa(p: {
  org: string;
  vendor: { id: string; name: string };
  file: { name: string; size: number } | null;
  maxBytes: number;
  error: MessageKey | null;
  locale: Locale;
}) {
  const { t } = useT();
  const fileId = `dpa-file-${p.vendor.id}`;
  const hintId = `${fileId}-hint`;
  const errorId = `${fileId}-error`;
  return (
    <div className="stack">
      <p>
        {t("vendors.dpaFile")} :{" "}
        {p.file ? (
          <a href={`/o/${p.org}/catalogue/${p.vendor.id}/dpa`} download={p.file.name}>
            {t("vendors.dpaDownload", { name: p.file.name, size: formatSize(p.file.size, p.locale) })}
          </a>
        ) : (
          t("vendors.dpaNoFile")
        )}
      </p>
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="uploadDpa" />
        <input type="hidden" name="vendorId" value={p.vendor.id} />
        <div className="field">
          <label htmlFor={fileId}>
            {p.file ? t("vendors.dpaReplace") : t("vendors.dpaUpload")}
            <span className="visually-hidden"> — {p.vendor.name}</span>
          </label>
          <p id={hintId} className="hint">
            {t("vendors.dpaUploadHint", { size: formatSize(p.maxBytes, p.locale) })}
          </p>
          <input
            id={fileId}
            type="file"
            name="dpaFile"
            accept="application/pdf,.pdf"
            required
            aria-invalid={p.error ? true : undefined}
            aria-describedby={[hintId, p.error ? errorId : null].filter(Boolean).join(" ")}
          />
          <ErrorList id={errorId} errors={p.error ? [p.error] : undefined} />
        </div>
        <button type="submit" className="button">
          {t("vendors.dpaSend")}
        </button>
      </Form>
      {p.file ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="deleteDpa" />
          <input type="hidden" name="vendorId" value={p.vendor.id} />
          <button type="submit" className="button danger">
            {t("catalogueDpa.delete")}
            <span className="visually-hidden"> — {p.vendor.name}</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}
