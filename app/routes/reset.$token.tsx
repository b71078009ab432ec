import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { completePasswordReset, getUsableReset } from "~/models/password-reset.server.ts";
import { clearSessionCookie } from "~/http/session.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { newPasswordField, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const TokenSchema = z.string().regex(/^[a-z0-9]{48}$/);
const ResetSchema = z
  .object({ password: newPasswordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordMismatch" });

export async function loader({ params }: LoaderFunctionArgs) {
  const token = TokenSchema.safeParse(params.token);
  const reset = token.success ? await getUsableReset(token.data) : null;
  return { reset: reset ? { email: reset.user.email } : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: ResetSchema });
  const token = TokenSchema.safeParse(params.token);
  if (!token.success) return data({ result: submission.reply({ formErrors: ["errors.resetInvalid"] }) }, { status: 410 });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  const res = await completePasswordReset(token.data, submission.value.password);
  if (!res.ok) return data({ result: submission.reply({ formErrors: ["errors.resetInvalid"], hideFields: ["password", "confirm"] }) }, { status: 410 });
  return redirectWithToast(request, "/login", { type: "success", key: "toast.passwordReset" }, { "Set-Cookie": clearSessionCookie(request) });
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "reset.title");

export default function ResetPassword() {
  const { reset } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "reset",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ResetSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetSchema }),
    shouldRevalidate: "onInput",
  });
  if (!reset) {
    return (
      <div className="narrow">
        <h1>{t("reset.invalidTitle")}</h1>
        <p>{t("reset.invalidBody")}</p>
        <Link to="/login">{t("login.title")}</Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("reset.title")}</h1>
      <p className="lead">{t("reset.intro", { email: reset.email })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField label={t("fields.newPassword")} hint={t("hints.password")} field={fields.password} type="password" autoComplete="new-password" required />
        <TextField label={t("fields.confirmPassword")} field={fields.confirm} type="password" autoComplete="new-password" required />
        <button type="submit" className="button primary">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
