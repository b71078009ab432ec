import { readForm } from "~/utils/form-limits.server.ts";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getOrganization } from "~/models/organization.server.ts";
import { setPasswordLogin } from "~/models/sso.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { oidcSettings } from "~/utils/oidc.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

/** An ADMIN may require single sign-on for the organization's members (password login refused). */
const Schema = z.object({ passwordLoginDisabled: z.enum(["on"]).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "org:sign-in");
  const org = await getOrganization(ctx.org.id);
  const sso = oidcSettings();
  return { passwordLoginDisabled: org?.passwordLoginDisabled ?? false, provider: sso?.providerName ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "org:sign-in");
  const parsed = Schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: true }, { status: 400 });
  const disabled = parsed.data.passwordLoginDisabled === "on";
  // Requiring SSO when none is configured would lock everyone out.
  if (disabled && !oidcSettings()) return data({ error: true }, { status: 400 });
  await setPasswordLogin(ctx.user.id, ctx.org.id, disabled);
  return redirectWithToast(request, `/o/${ctx.org.slug}/sign-in`, { type: "success", key: "sso.settingsSaved" });
}

export default function SignInSettings() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page">
      <h1>{t("sso.settingsTitle")}</h1>
      {d.provider ? (
        <Form method="post" className="stack">
          <label className="checkbox">
            <input type="checkbox" name="passwordLoginDisabled" value="on" defaultChecked={d.passwordLoginDisabled} />{" "}
            {t("sso.passwordLoginDisabled", { provider: d.provider })}
          </label>
          <button type="submit" className="button primary">
            {t("common.save")}
          </button>
        </Form>
      ) : (
        <p>{t("sso.error.password_only")}</p>
      )}
    </div>
  );
}
