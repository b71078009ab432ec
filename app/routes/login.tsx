import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { recordAuditAlone } from "~/models/audit.server.ts";
import { attemptSucceeded, beginAttempt, DEVICE_COOKIE, lockedUntil, rememberDevice, throttleKeysFor } from "~/models/login-throttle.server.ts";
import { createSession } from "~/models/session.server.ts";
import { countUsers, verifyLogin } from "~/models/user.server.ts";
import { passwordLoginRefused } from "~/models/sso.server.ts";
import { safeRedirectPath } from "~/http/auth.server.ts";
import { oidcSettings } from "~/utils/oidc.server.ts";
import { readCookie } from "~/utils/cookies.server.ts";
import { deviceCookie, getSession, sessionCookie } from "~/http/session.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

export const meta: MetaFunction = () => [{ title: "Registre" }];

const LoginSchema = z.object({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email().max(254)),
  password: z.string().min(1).max(200),
  redirectTo: z.string().max(500).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSession(request)) throw redirect("/");
  if ((await countUsers()) === 0) throw redirect("/setup");
  const sso = oidcSettings();
  return { sso: sso ? { provider: sso.providerName } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const device = readCookie(request, DEVICE_COOKIE);
  const keys = await throttleKeysFor(email, context?.clientIp ?? null, device);
  const tooMany = (until: Date) => {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    return data(
      { result: submission.reply({ formErrors: [`errors.tooManyAttempts|${JSON.stringify({ minutes })}`], hideFields: ["password"] }) },
      { status: 429 },
    );
  };
  const refusedUntil = await beginAttempt(keys);
  if (refusedUntil) {
    await recordAuditAlone({ actorId: null, organizationId: null, action: "login.throttled", entity: "User", details: { ip: context?.clientIp ?? null } });
    return tooMany(refusedUntil);
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    await recordAuditAlone({ actorId: null, organizationId: null, action: "login.failed", entity: "User", details: { ip: context?.clientIp ?? null } });
    const nowLocked = await lockedUntil(keys);
    if (nowLocked) return tooMany(nowLocked);
    return data({ result: submission.reply({ formErrors: ["errors.invalidCredentials"], hideFields: ["password"] }) }, { status: 400 });
  }
  await attemptSucceeded(keys);
  // Checked after the password so that the answer tells nothing to someone who does not know it.
  if (await passwordLoginRefused(user.id)) {
    await recordAuditAlone({ actorId: user.id, organizationId: null, action: "login.password_refused", entity: "User", entityId: user.id });
    const provider = oidcSettings()?.providerName ?? "SSO";
    return data(
      { result: submission.reply({ formErrors: [`sso.passwordDisabled|${JSON.stringify({ provider })}`], hideFields: ["password"] }) },
      { status: 403 },
    );
  }
  const { token, session } = await createSession(user.id, { ipAddress: context?.clientIp ?? null, userAgent: request.headers.get("user-agent") });
  await recordAuditAlone({ actorId: user.id, organizationId: null, action: "login.succeeded", entity: "Session", entityId: session.id });
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(request, token));
  headers.append("Set-Cookie", deviceCookie(request, await rememberDevice(email, device)));
  return redirect(safeRedirectPath(redirectTo), { headers });
}

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.intro")}</p>
      {loaderData?.sso ? (
        <>
          <p>
            <a
              className="button primary"
              href={`/auth/oidc/login${searchParams.get("redirectTo") ? `?redirectTo=${encodeURIComponent(searchParams.get("redirectTo")!)}` : ""}`}
            >
              {t("sso.signInWith", { provider: loaderData.sso.provider })}
            </a>
          </p>
          <p>{t("sso.or")}</p>
        </>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField label={t("fields.email")} field={fields.email} type="email" autoComplete="username" required />
        <TextField label={t("fields.password")} field={fields.password} type="password" autoComplete="current-password" required />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="hint">{t("login.forgotten")}</p>
    </div>
  );
}
