import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/forms.tsx";
import { isSlugTaken, runFirstSetup, SetupClosedError } from "~/models/organization.server.ts";
import { createSession } from "~/models/session.server.ts";
import { countUsers } from "~/models/user.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { sessionCookie } from "~/http/session.server.ts";
import { slugify } from "~/utils/slug.ts";
import { useT } from "~/utils/use-i18n.ts";
import { emailField, newPasswordField, optionalText, requiredText, sirenField, slugField, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { headcountField } from "~/schemas/organization.ts";

const SetupSchema = z
  .object({
    orgName: requiredText(200),
    orgSlug: z.preprocess((v) => (typeof v === "string" && v.trim() ? v : undefined), slugField.optional()),
    siren: sirenField,
    headcount: headcountField,
    name: requiredText(120),
    email: emailField,
    password: newPasswordField,
    confirm: z.string(),
    role: z.enum(["ADMIN", "DPO"]),
    dpoCnilNumber: optionalText(40),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordMismatch" });

/** Open only while the database has no user at all. */
export async function loader() {
  if ((await countUsers()) > 0) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  if ((await countUsers()) > 0) throw redirect("/login");
  const submission = parseWithZod(await readForm(request), { schema: SetupSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  const v = submission.value;
  const slug = v.orgSlug ?? slugify(v.orgName);
  if (!slug || slug.length < 2) return data({ result: submission.reply({ fieldErrors: { orgSlug: ["errors.slug"] } }) }, { status: 400 });
  if (await isSlugTaken(slug)) return data({ result: submission.reply({ fieldErrors: { orgSlug: ["errors.slugTaken"] } }) }, { status: 400 });
  const locale = await getLocale(request);
  try {
    const { user } = await runFirstSetup({
      organization: {
        name: v.orgName,
        slug,
        siren: v.siren ?? null,
        headcount: v.headcount ?? null,
        defaultLocale: locale,
        ...(v.role === "DPO" ? { dpoName: v.name, dpoEmail: v.email, dpoCnilNumber: v.dpoCnilNumber ?? null } : {}),
      },
      user: { name: v.name, email: v.email, password: v.password, role: v.role, locale },
    });
    const { token } = await createSession(user.id, { ipAddress: context?.clientIp ?? null, userAgent: request.headers.get("user-agent") });
    return redirect(`/o/${slug}`, { headers: { "Set-Cookie": sessionCookie(request, token) } });
  } catch (err) {
    // Someone finished the setup meanwhile: the account exists, sign in.
    if (err instanceof SetupClosedError) throw redirect("/login");
    throw err;
  }
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "setup.title");

export default function Setup() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "setup",
    lastResult: actionData?.result,
    constraint: getZodConstraint(SetupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetupSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { role: "DPO" },
  });
  return (
    <div className="narrow">
      <h1>{t("setup.title")}</h1>
      <p className="lead">{t("setup.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset>
          <legend>{t("setup.organization")}</legend>
          <TextField label={t("fields.orgName")} hint={t("hints.orgName")} field={fields.orgName} required />
          <TextField label={t("fields.slug")} hint={t("hints.slug")} field={fields.orgSlug} />
          <TextField label={t("fields.siren")} hint={t("hints.siren")} field={fields.siren} />
          <TextField label={t("legal.organization.headcount")} hint={t("legal.organization.headcount.hint")} field={fields.headcount} />
        </fieldset>
        <fieldset>
          <legend>{t("setup.account")}</legend>
          <TextField label={t("fields.fullName")} field={fields.name} autoComplete="name" required />
          <TextField label={t("fields.email")} field={fields.email} type="email" autoComplete="email" required />
          <SelectField
            label={t("fields.yourRole")}
            hint={t("hints.setupRole")}
            field={fields.role}
            options={[
              { value: "DPO", label: t("roles.DPO") },
              { value: "ADMIN", label: t("roles.ADMIN") },
            ]}
          />
          <TextField label={t("fields.dpoCnilNumber")} hint={t("hints.dpoCnilNumber")} field={fields.dpoCnilNumber} />
          <TextField label={t("fields.newPassword")} hint={t("hints.password")} field={fields.password} type="password" autoComplete="new-password" required />
          <TextField label={t("fields.confirmPassword")} field={fields.confirm} type="password" autoComplete="new-password" required />
        </fieldset>
        <button type="submit" className="button primary">
          {t("setup.submit")}
        </button>
      </Form>
    </div>
  );
}
