/**
 * One group: its name and its organizations, chosen among those the owner belongs to (ADR 019).
 * Another user's group answers 404, as if it did not exist.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { deleteGroup, DuplicateGroupError, getOwnGroup, GroupConflictError, GroupNotFoundError, updateGroup } from "~/models/organization-group.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { requiredText, z } from "~/utils/validation.ts";

const UpdateSchema = z.object({
  intent: z.literal("update"),
  name: requiredText(120),
  version: z.coerce.number().int().min(1),
  org: z.array(z.string().max(40)).max(5000),
});
const DeleteSchema = z.object({ intent: z.literal("delete") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const g = await getOwnGroup(ctx.user.id, params.id ?? "");
  if (!g) throw notFound();
  const inGroup = new Set(g.organizationIds);
  return {
    group: { id: g.id, name: g.name, version: g.version },
    organizations: [...ctx.held].sort((a, b) => a.name.localeCompare(b.name, "fr")).map((o) => ({ id: o.id, name: o.name, checked: inGroup.has(o.id) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const id = params.id ?? "";
  if (!(await getOwnGroup(ctx.user.id, id))) throw notFound();
  const form = await readForm(request);
  const raw = { ...Object.fromEntries(form), org: form.getAll("org") };
  const del = DeleteSchema.safeParse(raw);
  try {
    if (del.success) {
      await deleteGroup(ctx.user.id, id);
      return redirectWithToast(request, "/portfolio/groups", { type: "success", key: "portfolio.groups.deleted" });
    }
    const parsed = UpdateSchema.safeParse(raw);
    if (!parsed.success) return data({ error: parsed.error.issues[0]?.message.split("|")[0] ?? "errors.invalid" }, { status: 400 });
    await updateGroup(ctx.user.id, id, parsed.data.version, { name: parsed.data.name, organizationIds: parsed.data.org });
    return redirectWithToast(request, `/portfolio/groups/${id}`, { type: "success", key: "portfolio.groups.saved" });
  } catch (e) {
    if (e instanceof DuplicateGroupError) return data({ error: "portfolio.groups.duplicate" }, { status: 400 });
    if (e instanceof GroupConflictError) return data({ error: "portfolio.groups.conflict" }, { status: 409 });
    if (e instanceof GroupNotFoundError) return data({ error: "portfolio.groups.unknownOrganization" }, { status: 400 });
    throw e;
  }
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "portfolio.groups.edit");

export default function GroupPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t, msg } = useT();
  return (
    <div className="page">
      <h1>{t("portfolio.groups.edit")}</h1>
      {a?.error ? (
        <p className="callout warning" role="alert">
          {msg(a.error)}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={d.group.version} />
        <label>
          {t("portfolio.groups.name")}
          <input name="name" required maxLength={120} defaultValue={d.group.name} />
        </label>
        <fieldset>
          <legend>{t("portfolio.groups.organizations")}</legend>
          {d.organizations.map((o) => (
            <label key={o.id} className="check">
              <input type="checkbox" name="org" value={o.id} defaultChecked={o.checked} /> {o.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary">
          {t("portfolio.groups.save")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button danger">
          {t("portfolio.groups.delete")}
        </button>
      </Form>
      <p>
        <Link to={`/portfolio?group=${d.group.id}`}>{t("portfolio.groups.showInPortfolio")}</Link> ·{" "}
        <Link to="/portfolio/groups">{t("portfolio.groups.title")}</Link>
      </p>
    </div>
  );
}
