/**
 * One group: its name and its organizations, chosen by the owner or a co-owner among those they belong
 * to, and (for the owner) its co-owners (ADR 019). Anyone else's group answers 404, as if it did not exist.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  addCoOwner,
  CoOwnerError,
  deleteGroup,
  DuplicateGroupError,
  getOwnGroup,
  GroupConflictError,
  GroupNotFoundError,
  removeCoOwner,
  updateGroup,
} from "~/models/organization-group.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { emailField, requiredText, z } from "~/utils/validation.ts";

const UpdateSchema = z.object({
  intent: z.literal("update"),
  name: requiredText(120),
  version: z.coerce.number().int().min(1),
  org: z.array(z.string().max(40)).max(5000),
});
const DeleteSchema = z.object({ intent: z.literal("delete") });
const AddCoOwnerSchema = z.object({ intent: z.literal("addCoOwner"), email: emailField });
const RemoveCoOwnerSchema = z.object({ intent: z.literal("removeCoOwner"), userId: z.string().min(1).max(40) });
const LeaveSchema = z.object({ intent: z.literal("leave") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const g = await getOwnGroup(ctx.user.id, params.id ?? "");
  if (!g) throw notFound();
  const inGroup = new Set(g.organizationIds);
  return {
    group: { id: g.id, name: g.name, version: g.version, hiddenCount: g.hiddenCount, isOwner: g.isOwner, canLeave: g.canLeave },
    owner: g.owner,
    // Only the owner manages co-owners; a co-owner sees who shares the group.
    coOwners: g.coOwners,
    organizations: [...ctx.held].sort((a, b) => a.name.localeCompare(b.name, "fr")).map((o) => ({ id: o.id, name: o.name, checked: inGroup.has(o.id) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const id = params.id ?? "";
  const group = await getOwnGroup(ctx.user.id, id);
  if (!group) throw notFound();
  const form = await readForm(request);
  const raw = { ...Object.fromEntries(form), org: form.getAll("org") };
  try {
    if (DeleteSchema.safeParse(raw).success) {
      // A co-owner does not delete the group: for them it does not exist as something to delete.
      if (!group.isOwner) throw notFound();
      await deleteGroup(ctx.user.id, id);
      return redirectWithToast(request, "/portfolio/groups", { type: "success", key: "portfolio.groups.deleted" });
    }
    if (form.get("intent") === "addCoOwner") {
      if (!group.isOwner) throw notFound();
      const add = AddCoOwnerSchema.safeParse(raw);
      if (!add.success) return data({ error: "groupSharing.emailInvalid" }, { status: 400 });
      await addCoOwner(ctx.user.id, id, add.data.email);
      return redirectWithToast(request, `/portfolio/groups/${id}`, { type: "success", key: "groupSharing.added" });
    }
    const remove = RemoveCoOwnerSchema.safeParse(raw);
    if (remove.success) {
      if (!group.isOwner) throw notFound();
      await removeCoOwner(ctx.user.id, id, remove.data.userId);
      return redirectWithToast(request, `/portfolio/groups/${id}`, { type: "success", key: "groupSharing.removed" });
    }
    if (LeaveSchema.safeParse(raw).success) {
      if (!group.canLeave) throw notFound();
      await removeCoOwner(ctx.user.id, id, ctx.user.id);
      return redirectWithToast(request, "/portfolio/groups", { type: "success", key: "groupSharing.left" });
    }
    const parsed = UpdateSchema.safeParse(raw);
    if (!parsed.success) return data({ error: parsed.error.issues[0]?.message.split("|")[0] ?? "errors.invalid" }, { status: 400 });
    await updateGroup(ctx.user.id, id, parsed.data.version, { name: parsed.data.name, organizationIds: parsed.data.org });
    return redirectWithToast(request, `/portfolio/groups/${id}`, { type: "success", key: "portfolio.groups.saved" });
  } catch (e) {
    if (e instanceof DuplicateGroupError) return data({ error: "portfolio.groups.duplicate" }, { status: 400 });
    if (e instanceof GroupConflictError) return data({ error: "portfolio.groups.conflict" }, { status: 409 });
    if (e instanceof CoOwnerError) return data({ error: e.reason === "already" ? "groupSharing.already" : "groupSharing.notEligible" }, { status: 400 });
    if (e instanceof GroupNotFoundError && e.message === "coOwner") throw notFound();
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
      {d.group.hiddenCount > 0 ? <p className="muted">{t("groupSharing.hiddenOrganizations", { count: d.group.hiddenCount })}</p> : null}
      <section aria-labelledby="co-owners-title">
        <h2 id="co-owners-title">{t("groupSharing.title")}</h2>
        <p>{t("groupSharing.owner", { name: d.owner.name, email: d.owner.email })}</p>
        {d.coOwners.length === 0 ? (
          <p className="empty-state">{t("groupSharing.none")}</p>
        ) : (
          <ul className="card-list">
            {d.coOwners.map((c) => (
              <li key={c.id} className="card">
                {c.name} ({c.email})
                {d.group.isOwner ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="removeCoOwner" />
                    <input type="hidden" name="userId" value={c.id} />
                    <button type="submit" className="button small">
                      {t("groupSharing.remove", { name: c.name })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {d.group.isOwner ? (
          <Form method="post" className="stack narrow-form">
            <input type="hidden" name="intent" value="addCoOwner" />
            <p className="muted" id="co-owner-rule">
              {t("groupSharing.rule")}
            </p>
            <label>
              {t("groupSharing.email")}
              <input name="email" type="email" required maxLength={254} autoComplete="off" aria-describedby="co-owner-rule" />
            </label>
            <button type="submit" className="button">
              {t("groupSharing.add")}
            </button>
          </Form>
        ) : null}
        {d.group.canLeave ? (
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button">
              {t("groupSharing.leave")}
            </button>
          </Form>
        ) : null}
      </section>
      {d.group.isOwner ? (
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button danger">
            {t("portfolio.groups.delete")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to={`/portfolio?group=${d.group.id}`}>{t("portfolio.groups.showInPortfolio")}</Link> ·{" "}
        <Link to="/portfolio/groups">{t("portfolio.groups.title")}</Link>
      </p>
    </div>
  );
}
