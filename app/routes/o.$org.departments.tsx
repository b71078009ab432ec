import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { createDepartment, deleteDepartment, listDepartments, renameDepartment } from "~/models/department.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { formError, toastError } from "~/http/domain-errors.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { requiredText, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const CreateSchema = z.object({ intent: z.literal("create"), name: requiredText(120) });
const RenameSchema = z.object({ intent: z.literal("rename"), id: z.string().min(1).max(40), name: requiredText(120) });
const DeleteSchema = z.object({ intent: z.literal("delete"), id: z.string().min(1).max(40) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "departments:manage");
  return { departments: await listDepartments(ctx.org.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "departments:manage");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = `/o/${ctx.org.slug}/departments`;
  if (intent === "create" || intent === "rename") {
    const submission = parseWithZod(formData, { schema: intent === "create" ? CreateSchema : RenameSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    try {
      if (submission.value.intent === "create") await createDepartment(ctx.user.id, ctx.org.id, submission.value.name);
      else if (!(await renameDepartment(ctx.user.id, ctx.org.id, submission.value.id, submission.value.name))) throw new Response("Not Found", { status: 404 });
    } catch (err) {
      return formError(err, submission, { intent });
    }
    return redirectWithToast(request, back, { type: "success", key: "toast.saved" });
  }
  const parsed = DeleteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  try {
    if (!(await deleteDepartment(ctx.user.id, ctx.org.id, parsed.data.id))) throw new Response("Not Found", { status: 404 });
  } catch (err) {
    return toastError(err, request, back);
  }
  return redirectWithToast(request, back, { type: "success", key: "toast.deleted" });
}

function RenameRow({ department }: { department: { id: string; name: string } }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: `rename-${department.id}`,
    constraint: getZodConstraint(RenameSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RenameSchema }),
    defaultValue: { name: department.name },
  });
  return (
    <li className="row">
      <Form method="post" {...getFormProps(form)} className="inline-form">
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="id" value={department.id} />
        <TextField label={t("departments.nameOf", { name: department.name })} field={fields.name} required />
        <button type="submit" className="button">
          {t("departments.rename")}
        </button>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="id" value={department.id} />
        <button type="submit" className="button danger">
          {t("common.delete")}
          <span className="visually-hidden"> {department.name}</span>
        </button>
      </Form>
    </li>
  );
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "departments.title");

export default function Departments() {
  const { departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "create-department",
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    constraint: getZodConstraint(CreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page">
      <h1>{t("departments.title")}</h1>
      <p className="lead">{t("departments.intro")}</p>
      <section className="panel" aria-labelledby="new-dep">
        <h2 id="new-dep">{t("departments.add")}</h2>
        <Form method="post" {...getFormProps(form)} className="inline-form">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="intent" value="create" />
          <TextField label={t("fields.departmentName")} field={fields.name} required />
          <button type="submit" className="button primary">
            {t("departments.add")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="list-dep">
        <h2 id="list-dep">{t("departments.list", { count: departments.length })}</h2>
        {departments.length === 0 ? <p>{t("departments.empty")}</p> : null}
        <ul className="plain-list">
          {departments.map((d) => (
            <RenameRow key={d.id} department={d} />
          ))}
        </ul>
      </section>
    </div>
  );
}
