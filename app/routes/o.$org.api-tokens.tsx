import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/forms.tsx";
import { ApiTokenNotFoundError, createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server.ts";
import { API_TOKEN_SCOPES, canCreateApiToken } from "~/policies/api-token.ts";
import { forbidden, notFound, requireOrgContext } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { requiredText, z } from "~/utils/validation.ts";

const EXPIRY_DAYS = ["7", "30", "90", "180", "365"] as const;
const CreateSchema = z.object({
  intent: z.literal("create"),
  name: requiredText(80),
  scope: z.enum(API_TOKEN_SCOPES),
  expiresInDays: z.enum(EXPIRY_DAYS),
});
const RevokeSchema = z.object({ intent: z.literal("revoke"), id: z.string().min(1).max(64) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!canCreateApiToken(ctx.membership)) throw forbidden();
  const now = Date.now();
  const tokens = await listApiTokens(ctx.user.id, ctx.org.id);
  return {
    orgName: ctx.org.name,
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      scope: t.scope,
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      state: t.revokedAt ? ("revoked" as const) : t.expiresAt.getTime() <= now ? ("expired" as const) : ("active" as const),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  if (!canCreateApiToken(ctx.membership)) throw forbidden();
  const formData = await readForm(request);
  if (formData.get("intent") === "revoke") {
    const parsed = RevokeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    try {
      await revokeApiToken(ctx.user.id, ctx.org.id, parsed.data.id);
    } catch (err) {
      if (err instanceof ApiTokenNotFoundError) throw notFound();
      throw err;
    }
    return redirectWithToast(request, `/o/${ctx.org.slug}/api-tokens`, { type: "success", key: "apiTokens.revoked" });
  }
  const submission = parseWithZod(formData, { schema: CreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const v = submission.value;
  const expiresAt = new Date(Date.now() + Number(v.expiresInDays) * 24 * 60 * 60 * 1000);
  const { token } = await createApiToken(ctx.user.id, ctx.org.id, { name: v.name, scope: v.scope, expiresAt });
  // Shown once, in this response only: no redirect, so the secret never sits in a flash cookie.
  return data({ result: submission.reply({ resetForm: true }), created: { name: v.name, token } }, { headers: { "Cache-Control": "no-store" } });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "apiTokens.title");

export default function ApiTokens() {
  const { tokens, orgName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const [form, fields] = useForm({
    id: "create-api-token",
    lastResult: actionData?.result,
    constraint: getZodConstraint(CreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { scope: "read", expiresInDays: "90" },
  });
  return (
    <div className="page">
      <h1>{t("apiTokens.title")}</h1>
      <p className="lead">{t("apiTokens.intro", { org: orgName })}</p>
      <p>
        <Link to="/api/v1/docs" reloadDocument>
          {t("apiTokens.docs")}
        </Link>
      </p>
      {actionData?.created ? (
        <section className="panel" role="status" aria-labelledby="new-token">
          <h2 id="new-token">{t("apiTokens.created", { name: actionData.created.name })}</h2>
          <label htmlFor="new-token-value">{t("apiTokens.tokenLabel")}</label>
          <input id="new-token-value" type="text" readOnly value={actionData.created.token} className="mono" size={60} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="create-token">
        <h2 id="create-token">{t("apiTokens.create")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="intent" value="create" />
          <TextField label={t("apiTokens.name")} hint={t("apiTokens.nameHint")} field={fields.name} required />
          <SelectField
            label={t("apiTokens.scope")}
            field={fields.scope}
            options={API_TOKEN_SCOPES.map((s) => ({ value: s, label: t(`apiTokens.scope.${s}`) }))}
          />
          <SelectField
            label={t("apiTokens.expiresIn")}
            field={fields.expiresInDays}
            options={EXPIRY_DAYS.map((d) => ({ value: d, label: t("apiTokens.days", { count: Number(d) }) }))}
          />
          <button type="submit" className="button primary">
            {t("apiTokens.create")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="token-list">
        <h2 id="token-list">{t("apiTokens.list", { count: tokens.length })}</h2>
        {tokens.length === 0 ? (
          <p>{t("apiTokens.empty")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="token-list" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("apiTokens.col.name")}</th>
                  <th scope="col">{t("apiTokens.col.scope")}</th>
                  <th scope="col">{t("apiTokens.col.expires")}</th>
                  <th scope="col">{t("apiTokens.col.lastUsed")}</th>
                  <th scope="col">{t("apiTokens.col.state")}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {tokens.map((tok) => (
                  <tr key={tok.id}>
                    <th scope="row">{tok.name}</th>
                    <td>{t(tok.scope === "write" ? "apiTokens.scope.write" : "apiTokens.scope.read")}</td>
                    <td>{date(tok.expiresAt)}</td>
                    <td>{tok.lastUsedAt ? date(tok.lastUsedAt, true) : t("apiTokens.never")}</td>
                    <td>{t(`apiTokens.state.${tok.state}`)}</td>
                    <td>
                      {tok.state === "active" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="id" value={tok.id} />
                          <button type="submit" className="button danger">
                            {t("apiTokens.revoke")}
                            <span className="visually-hidden"> {tok.name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
