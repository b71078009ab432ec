import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUserOrganizations } from "~/models/membership.server.ts";
import { hasSsoIdentity } from "~/models/sso.server.ts";
import { countUsers } from "~/models/user.server.ts";
import { mustRequestAccess } from "~/policies/organization.ts";
import { getSession } from "~/http/session.server.ts";
import { useT } from "~/utils/use-i18n.ts";

/** Home: first run goes to setup, visitors to login, a member of one organization straight into it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const s = await getSession(request);
  if (!s) {
    if ((await countUsers()) === 0) throw redirect("/setup");
    throw redirect("/login");
  }
  const orgs = await listUserOrganizations(s.user.id);
  if (orgs.length === 1) throw redirect(`/o/${orgs[0]!.slug}`);
  if (orgs.length === 0 && mustRequestAccess([], await hasSsoIdentity(s.user.id))) throw redirect("/access");
  return { orgs };
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "home.chooseTitle");

export default function Index() {
  const { orgs } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page">
      <h1>{t("home.chooseTitle")}</h1>
      {orgs.length > 1 ? (
        <p>
          <Link to="/portfolio">{t("portfolio.link")}</Link>
        </p>
      ) : null}
      {orgs.length === 0 ? (
        <p>{t("home.noOrganization")}</p>
      ) : (
        <ul className="card-list">
          {orgs.map((o) => (
            <li key={o.id} className="card">
              <Link to={`/o/${o.slug}`}>{o.name}</Link> <span className="role-badge">{t(`roles.${o.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
