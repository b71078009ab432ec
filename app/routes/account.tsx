import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/forms.tsx";
import { recordAuditAlone } from "~/models/audit.server.ts";
import { attemptSucceeded, beginAttempt, DEVICE_COOKIE, throttleKeysFor } from "~/models/login-throttle.server.ts";
import { listUserOrganizations } from "~/models/membership.server.ts";
import { canCreateOrganization } from "~/policies/organization.ts";
import { countUserSessions, invalidateUserSessions } from "~/models/session.server.ts";
import { changePassword, updateProfile } from "~/models/user.server.ts";
import { getMailPreferences, setMailPreferences } from "~/models/mail.server.ts";
import { MAIL_CATEGORIES, MAIL_MODES } from "~/schemas/mail-preferences.ts";
import { requireUser } from "~/http/auth.server.ts";
import { isPlatformAdminEmail } from "~/http/platform-rule.server.ts";
import { readCookie } from "~/utils/cookies.server.ts";
import { langCookie } from "~/http/i18n.server.ts";
import { clearSessionCookie } from "~/http/session.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { newPasswordField, requiredText, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const ProfileSchema = z.object({ intent: z.literal("profile"), name: requiredText(120), locale: z.enum(["fr", "en"]) });
const PasswordSchema = z
  .object({ intent: z.literal("password"), current: z.string().min(1).max(200), password: newPasswordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordMismatch" });

const MailPrefsSchema = z.object({
  intent: z.literal("mailPrefs"),
  workflow: z.enum(MAIL_MODES),
  mentions: z.enum(MAIL_MODES),
  reminders: z.enum(MAIL_MODES),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [orgs, sessions, mailPrefs] = await Promise.all([listUserOrganizations(user.id), countUserSessions(user.id), getMailPreferences(user.id)]);
  return {
    user,
    orgs,
    sessions,
    mailPrefs,
    canCreateOrganization: canCreateOrganization(orgs.map((o) => o.role)),
    platformAdmin: isPlatformAdminEmail(user.email),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: ProfileSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    await updateProfile(user.id, { name: submission.value.name, locale: submission.value.locale });
    return redirectWithToast(
      request,
      "/account",
      { type: "success", key: "toast.profileSaved" },
      { "Set-Cookie": langCookie(request, submission.value.locale) },
    );
  }
  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: PasswordSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply({ hideFields: ["current", "password", "confirm"] }) }, { status: 400 });
    // The current-password check is a password guess like a login: same throttle, same keys.
    const keys = await throttleKeysFor(user.email, context?.clientIp ?? null, readCookie(request, DEVICE_COOKIE));
    const until = await beginAttempt(keys);
    if (until) {
      const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
      return data(
        {
          intent,
          result: submission.reply({ formErrors: [`errors.tooManyAttempts|${JSON.stringify({ minutes })}`], hideFields: ["current", "password", "confirm"] }),
        },
        { status: 429 },
      );
    }
    const res = await changePassword(user.id, submission.value.current, submission.value.password, session.id);
    if (res.ok) await attemptSucceeded(keys);
    if (!res.ok)
      return data(
        { intent, result: submission.reply({ fieldErrors: { current: ["errors.wrongCurrentPassword"] }, hideFields: ["current", "password", "confirm"] }) },
        { status: 400 },
      );
    return redirectWithToast(request, "/account", { type: "success", key: "toast.passwordChanged" });
  }
  if (intent === "mailPrefs") {
    const parsed = MailPrefsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: "errors.invalid" as const }, { status: 400 });
    const { intent: _intent, ...prefs } = parsed.data;
    await setMailPreferences(user.id, prefs);
    return redirectWithToast(request, "/account#mail", { type: "success", key: "mailPrefs.saved" });
  }
  if (intent === "signout-all") {
    const n = await invalidateUserSessions(user.id);
    await recordAuditAlone({
      actorId: user.id,
      organizationId: null,
      action: "sessions.revoked_all",
      entity: "User",
      entityId: user.id,
      details: { count: n },
    });
    return redirectWithToast(request, "/login", { type: "success", key: "toast.signedOutEverywhere" }, { "Set-Cookie": clearSessionCookie(request) });
  }
  throw redirect("/account");
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.title");

export default function Account() {
  const { user, orgs, sessions, mailPrefs, canCreateOrganization: canCreate, platformAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    constraint: getZodConstraint(ProfileSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
    defaultValue: { name: user.name, locale: user.locale ?? "fr" },
    shouldRevalidate: "onInput",
  });
  const [pwForm, pwFields] = useForm({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    constraint: getZodConstraint(PasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page">
      <h1>{t("account.title")}</h1>
      <p>{t("account.signedInAs", { email: user.email })}</p>
      <div className="grid-2">
        <section aria-labelledby="profile-h" className="panel">
          <h2 id="profile-h">{t("account.profile")}</h2>
          <Form method="post" {...getFormProps(profileForm)} className="stack">
            <input type="hidden" name="intent" value="profile" />
            <FormErrors errors={profileForm.errors} />
            <TextField label={t("fields.fullName")} field={profileFields.name} autoComplete="name" required />
            <SelectField
              label={t("fields.language")}
              field={profileFields.locale}
              options={[
                { value: "fr", label: "Français" },
                { value: "en", label: "English" },
              ]}
            />
            <button type="submit" className="button primary">
              {t("common.save")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="password-h" className="panel">
          <h2 id="password-h">{t("account.changePassword")}</h2>
          <Form method="post" {...getFormProps(pwForm)} className="stack">
            <input type="hidden" name="intent" value="password" />
            <FormErrors errors={pwForm.errors} />
            <input type="text" name="username" autoComplete="username" defaultValue={user.email} hidden readOnly />
            <TextField label={t("fields.currentPassword")} field={pwFields.current} type="password" autoComplete="current-password" required />
            <TextField
              label={t("fields.newPassword")}
              hint={t("hints.password")}
              field={pwFields.password}
              type="password"
              autoComplete="new-password"
              required
            />
            <TextField label={t("fields.confirmPassword")} field={pwFields.confirm} type="password" autoComplete="new-password" required />
            <button type="submit" className="button primary">
              {t("account.changePasswordSubmit")}
            </button>
          </Form>
        </section>
      </div>
      <section aria-labelledby="mail-h" className="panel" id="mail">
        <h2 id="mail-h">{t("mailPrefs.title")}</h2>
        <p>{t("mailPrefs.intro")}</p>
        {actionData && "error" in actionData ? (
          <p className="callout warning" role="alert">
            {t(actionData.error)}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="mailPrefs" />
          {MAIL_CATEGORIES.map((c) => (
            <fieldset key={c}>
              <legend>{t(`mailPrefs.category.${c}`)}</legend>
              {MAIL_MODES.map((m) => (
                <label key={m} className="radio">
                  <input type="radio" name={c} value={m} defaultChecked={mailPrefs[c] === m} /> {t(`mailPrefs.mode.${m}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="button primary">
            {t("mailPrefs.save")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="sessions-h" className="panel">
        <h2 id="sessions-h">{t("account.sessions")}</h2>
        <p>{t("account.sessionsCount", { count: sessions })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="signout-all" />
          <button type="submit" className="button danger">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="orgs-h" className="panel">
        <h2 id="orgs-h">{t("account.organizations")}</h2>
        <ul>
          {orgs.map((o) => (
            <li key={o.id}>
              <Link to={`/o/${o.slug}`}>{o.name}</Link> — {t(`roles.${o.role}`)}
            </li>
          ))}
        </ul>
        {canCreate ? (
          <p>
            <Link to="/orgs/new" className="button">
              {t("orgs.create")}
            </Link>
          </p>
        ) : null}
        {platformAdmin ? (
          <p>
            <Link to="/platform">{t("instanceCatalogue.link")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
