/** The groups the user owns or co-owns (ADR 019), to filter the portfolio and its exports. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createGroup, DuplicateGroupError, listGroups } from "~/models/organization-group.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { requiredText, z } from "~/utils/validation.ts";

const GroupNameSchema = z.object({ name: requiredText(120) });

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const groups = await listGroups(ctx.user.id);
  return { groups: groups.map((g) => ({ id: g.id, name: g.name, count: g.count, shared: g.shared })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const parsed = GroupNameSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message.split("|")[0] ?? "errors.invalid" }, { status: 400 });
  try {
    const g = await createGroup(ctx.user.id, parsed.data.name);
    return redirectWithToast(request, `/portfolio/groups/${g.id}`, { type: "success", key: "portfolio.groups.created" });
  } catch (e) {
    if (e instanceof DuplicateGroupError) return data({ error: "portfolio.groups.duplicate" }, { status: 400 });
    throw e;
  }
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "portfolio.groups.title");

export default function Groups() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t, msg } = useT();
  return (
    <div className="page">
      <h1>{t("portfolio.groups.title")}</h1>
      <p className="lead">{t("portfolio.groups.intro")}</p>
      {d.groups.length === 0 ? (
        <p className="empty-state">{t("portfolio.groups.empty")}</p>
      ) : (
        <ul className="card-list">
          {d.groups.map((g) => (
            <li key={g.id} className="card">
              <Link to={`/portfolio/groups/${g.id}`}>{g.name}</Link> — {t("portfolio.groups.members", { count: g.count })}
              {g.shared ? <> — {t("groupSharing.sharedWithYou")}</> : null} —{" "}
              <Link to={`/portfolio?group=${g.id}`}>{t("portfolio.groups.showInPortfolio")}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("portfolio.groups.create")}</h2>
      <Form method="post" className="stack narrow-form">
        <label>
          {t("portfolio.groups.name")}
          <input name="name" required maxLength={120} aria-invalid={a?.error ? true : undefined} aria-describedby={a?.error ? "group-name-error" : undefined} />
        </label>
        {a?.error ? (
          <p id="group-name-error" className="field-error" role="alert">
            {msg(a.error)}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          {t("portfolio.groups.create")}
        </button>
      </Form>
      <p>
        <Link to="/portfolio">{t("portfolio.back")}</Link>
      </p>
    </div>
  );
}
