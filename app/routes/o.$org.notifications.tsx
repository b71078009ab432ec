/**
 * The member's in-app notifications in this organization (issue 14, ADR 020): shared vendor changes
 * (with the activities whose exposure level moved, before → after), proposed and updated model
 * activities. A member reads and clears only their own.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { clearNotifications, exposureChangesOf, listNotifications, type ExposureChange } from "~/models/catalogue.server.ts";
import { canReadNotifications } from "~/policies/catalogue.ts";
import { forbidden, requireOrgContext } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

const ClearSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("clear"), id: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("clearAll") }),
]);

const KINDS = ["catalogue.vendor_changed", "model.proposed", "model.updated"] as const;
type Kind = (typeof KINDS)[number];
const FACTS = [
  "country",
  "parentName",
  "parentCountry",
  "dpfCertified",
  "shareholdingWithinLimits",
  "hdsExpiry",
  "iso27001Expiry",
  "services",
  "locations",
] as const;
type Fact = (typeof FACTS)[number];
const isFact = (f: string): f is Fact => (FACTS as readonly string[]).includes(f);
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!canReadNotifications(ctx.membership)) throw forbidden();
  const list = await listNotifications(ctx.user.id, ctx.org.id);
  const items = await Promise.all(
    list.flatMap((n) => {
      if (!isKind(n.kind)) return [];
      const p = JSON.parse(n.params) as { vendor?: string; model?: string; version?: number; fields?: string[] };
      return [
        (async () => {
          // The exposure changes are computed on first read of the change, then kept (see catalogue.server.ts).
          const impact = n.impactId ? await exposureChangesOf(ctx.org.id, n.impactId) : null;
          return {
            id: n.id,
            kind: n.kind,
            at: n.createdAt.toISOString(),
            url: `/o/${ctx.org.slug}${n.url}`,
            vendor: p.vendor ?? "",
            model: p.model ?? "",
            version: p.version ?? 0,
            fields: (p.fields ?? []).filter(isFact),
            changes: impact?.activities ?? ([] as ExposureChange[]),
          };
        })(),
      ];
    }),
  );
  return { items };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!canReadNotifications(ctx.membership)) throw forbidden();
  const parsed = ClearSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "notifications.invalid" as const }, { status: 400 });
  const n = await clearNotifications(ctx.user.id, ctx.org.id, parsed.data.intent === "clear" ? parsed.data.id : undefined);
  if (parsed.data.intent === "clear" && n === 0) throw new Response("Not Found", { status: 404 });
  return redirectWithToast(request, `/o/${ctx.org.slug}/notifications`, { type: "success", key: "notifications.cleared" });
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notifications.title");

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const org = useParams().org ?? "";
  return (
    <div className="page">
      <h1>{t("notifications.title")}</h1>
      {items.length === 0 ? <p>{t("notifications.empty")}</p> : null}
      {items.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="clearAll" />
          <button type="submit" className="button">
            {t("notifications.clearAll")}
          </button>
        </Form>
      ) : null}
      <ul className="plain-list">
        {items.map((n) => (
          <li key={n.id} className="panel">
            <h2 className="h3">
              {n.kind === "catalogue.vendor_changed"
                ? t("notifications.vendorChanged", { vendor: n.vendor })
                : n.kind === "model.proposed"
                  ? t("notifications.modelProposed", { model: n.model, version: n.version })
                  : t("notifications.modelUpdated", { model: n.model, version: n.version })}
            </h2>
            <p className="muted">{date(n.at, true)}</p>
            {n.kind === "catalogue.vendor_changed" ? (
              <>
                <p>
                  {t("notifications.facts")} {n.fields.map((f) => t(`notifications.fact.${f}`)).join(", ")}
                </p>
                {n.changes.length === 0 ? (
                  <p>{t("notifications.noExposureChange")}</p>
                ) : (
                  <div className="table-wrap" role="region" tabIndex={0} aria-label={t("notifications.exposureTable", { vendor: n.vendor })}>
                    <table>
                      <caption>{t("notifications.exposureTable", { vendor: n.vendor })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("notifications.col.activity")}</th>
                          <th scope="col">{t("notifications.col.before")}</th>
                          <th scope="col">{t("notifications.col.after")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {n.changes.map((c) => (
                          <tr key={c.activityId}>
                            <th scope="row">
                              <Link to={`/o/${org}/activities/${c.ref}`}>
                                {c.ref} — {c.name}
                              </Link>
                            </th>
                            <td>{t(`sovereignty.level.${c.before}`)}</td>
                            <td>{t(`sovereignty.level.${c.after}`)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </>
            ) : (
              <p>
                <Link to={n.url}>{n.kind === "model.proposed" ? t("notifications.openDraft") : t("notifications.reviewUpdate")}</Link>
              </p>
            )}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="clear" />
              <input type="hidden" name="id" value={n.id} />
              <button type="submit" className="button">
                {t("notifications.clear")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
