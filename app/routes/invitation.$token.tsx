import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { acceptInvitation, getUsableInvitation } from "~/models/invitation.server.ts";
import { attemptSucceeded, beginAttempt, DEVICE_COOKIE, throttleKeysFor } from "~/models/login-throttle.server.ts";
import { createSession } from "~/models/session.server.ts";
import { readCookie } from "~/utils/cookies.server.ts";
import { sessionCookie } from "~/http/session.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { newPasswordField, requiredText, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const TokenSchema = z.string().regex(/^[a-z0-9]{48}$/);

const NewAccountSchema = z
  .object({ name: requiredText(120), password: newPasswordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordMismatch" });
const ExistingAccountSchema = z.object({ password: z.string().min(1).max(200) });

async function loadInvitation(token: string | undefined) {
  const parsed = TokenSchema.safeParse(token);
  return parsed.success ? getUsableInvitation(parsed.data) : null;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const inv = await loadInvitation(params.token);
  if (!inv) return { invitation: null };
  return {
    invitation: { email: inv.email, role: inv.role, organization: inv.organization.name, hasAccount: inv.hasAccount, expiresAt: inv.expiresAt.toISOString() },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const inv = await loadInvitation(params.token);
  const formData = await readForm(request);
  const schema = inv?.hasAccount ? ExistingAccountSchema : NewAccountSchema;
  const submission = parseWithZod(formData, { schema });
  if (!inv) return data({ result: submission.reply({ formErrors: ["errors.invitationInvalid"] }) }, { status: 410 });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  // Checking an existing account's password here must be throttled exactly like a login.
  const keys = inv.hasAccount ? await throttleKeysFor(inv.email, context?.clientIp ?? null, readCookie(request, DEVICE_COOKIE)) : [];
  if (keys.length) {
    const until = await beginAttempt(keys);
    if (until) {
      const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
      return data(
        { result: submission.reply({ formErrors: [`errors.tooManyAttempts|${JSON.stringify({ minutes })}`], hideFields: ["password"] }) },
        { status: 429 },
      );
    }
  }
  const res = await acceptInvitation(params.token!, submission.value);
  if (res.ok && keys.length) await attemptSucceeded(keys);
  if (!res.ok) {
    const key = {
      wrong_password: "errors.invalidCredentials",
      invalid: "errors.invitationInvalid",
      forbidden: "errors.invitationForbidden",
      last_admin: "errors.invitationLastAdmin",
    }[res.reason];
    return data({ result: submission.reply({ formErrors: [key], hideFields: ["password", "confirm"] }) }, { status: res.reason === "forbidden" ? 403 : 400 });
  }
  const { token } = await createSession(res.userId, { ipAddress: context?.clientIp ?? null, userAgent: request.headers.get("user-agent") });
  return redirect(`/o/${res.organizationSlug}`, { headers: { "Set-Cookie": sessionCookie(request, token) } });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "invitation.pageTitle");

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const schema = invitation?.hasAccount ? ExistingAccountSchema : NewAccountSchema;
  const [form, fields] = useForm({
    id: "invitation",
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: "onInput",
  });
  if (!invitation) {
    return (
      <div className="narrow">
        <h1>{t("invitation.invalidTitle")}</h1>
        <p>{t("invitation.invalidBody")}</p>
        <Link to="/login">{t("login.title")}</Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("invitation.title", { organization: invitation.organization })}</h1>
      <p className="lead">{t("invitation.intro", { email: invitation.email, role: t(`roles.${invitation.role}`), date: date(invitation.expiresAt, true) })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        {invitation.hasAccount ? (
          <>
            <p>{t("invitation.existingAccount")}</p>
            <TextField label={t("fields.password")} field={fields.password} type="password" autoComplete="current-password" required />
          </>
        ) : (
          <>
            <TextField label={t("fields.fullName")} field={(fields as typeof fields & { name: typeof fields.password }).name} autoComplete="name" required />
            <TextField
              label={t("fields.newPassword")}
              hint={t("hints.password")}
              field={fields.password}
              type="password"
              autoComplete="new-password"
              required
            />
            <TextField
              label={t("fields.confirmPassword")}
              field={(fields as typeof fields & { confirm: typeof fields.password }).confirm}
              type="password"
              autoComplete="new-password"
              required
            />
          </>
        )}
        <button type="submit" className="button primary">
          {t("invitation.accept")}
        </button>
      </Form>
    </div>
  );
}
