import type { MetaFunction } from "@remix-run/node";
import { formError, toastError } from "~/http/domain-errors.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors, SelectField, TextField, type AnyField } from "~/components/forms.tsx";
import { AccessRequestDecidedError, AccessRequestNotFoundError, decideAccessRequest, listPendingAccessRequests } from "~/models/access-request.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/models/invitation.server.ts";
import { canResetPasswordOf, getMemberInOrg, listMembers, NotFoundError, removeMembership, updateMembership } from "~/models/membership.server.ts";
import { createPasswordReset } from "~/models/password-reset.server.ts";
import { forbidden, notFound, requireOrgContext } from "~/http/auth.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { roleHasDepartments } from "~/policies/department.ts";
import { canAssignRole, canDecideAccessRequests, canManageMembers, organizationHasAdmin } from "~/policies/organization.ts";
import { isRole, ROLES, type Role } from "~/policies/roles.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { emailField, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const idField = z.string().min(1).max(40);
const departmentIdsField = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(idField).max(200));

const InviteSchema = z
  .object({ intent: z.literal("invite"), email: emailField, role: z.enum(ROLES), departmentIds: departmentIdsField })
  .refine((v) => !roleHasDepartments(v.role) || v.departmentIds.length > 0, { path: ["departmentIds"], message: "errors.editorNeedsDepartment" });
const UpdateSchema = z
  .object({ intent: z.literal("update"), membershipId: idField, role: z.enum(ROLES), departmentIds: departmentIdsField })
  .refine((v) => !roleHasDepartments(v.role) || v.departmentIds.length > 0, { path: ["departmentIds"], message: "errors.editorNeedsDepartment" });
// Accepting an access request takes the same role and department rules as an invitation.
const AcceptRequestSchema = z
  .object({ intent: z.literal("accept-request"), requestId: idField, role: z.enum(ROLES), departmentIds: departmentIdsField })
  .refine((v) => !roleHasDepartments(v.role) || v.departmentIds.length > 0, { path: ["departmentIds"], message: "errors.editorNeedsDepartment" });
const RefuseRequestSchema = z.object({ intent: z.literal("refuse-request"), requestId: idField });
const IdSchema = z.object({ intent: z.enum(["remove", "reset", "revoke"]), id: idField });

function origin(request: Request) {
  return getEnv().PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "members:read");
  const canDecide = canDecideAccessRequests(ctx.membership);
  const [members, departments, invitations, accessRequests] = await Promise.all([
    listMembers(ctx.org.id),
    listDepartments(ctx.org.id),
    listPendingInvitations(ctx.org.id),
    // Only those who may decide see who is asking.
    canDecide ? listPendingAccessRequests(ctx.org.id) : Promise.resolve([]),
  ]);
  return {
    me: { userId: ctx.user.id, role: ctx.membership.role },
    orgHasAdmin: organizationHasAdmin(members.map((m) => m.role)),
    canManage: canManageMembers(ctx.membership),
    members: members.map((m) => ({
      id: m.id,
      user: m.user,
      role: m.role,
      departments: m.departments.map((d) => d.department),
    })),
    departments,
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() })),
    accessRequests: accessRequests.map((r) => ({ id: r.id, user: r.user, createdAt: r.createdAt.toISOString() })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "members:manage");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = `/o/${ctx.org.slug}/members`;
  const orgHasAdmin = organizationHasAdmin((await listMembers(ctx.org.id)).map((m) => m.role));

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: InviteSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), link: null }, { status: 400 });
    if (!canAssignRole(ctx.membership.role, submission.value.role, orgHasAdmin)) throw forbidden();
    try {
      const { token } = await createInvitation(ctx.user.id, ctx.org.id, submission.value);
      return data({ intent, result: submission.reply({ resetForm: true }), link: `${origin(request)}/invitation/${token}` });
    } catch (err) {
      return formError(err, submission, { intent, link: null });
    }
  }

  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: UpdateSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), link: null, target: String(formData.get("membershipId")) }, { status: 400 });
    const target = await getMemberInOrg(ctx.org.id, submission.value.membershipId);
    if (!target || !isRole(target.role)) throw notFound();
    if (!canAssignRole(ctx.membership.role, target.role, orgHasAdmin) || !canAssignRole(ctx.membership.role, submission.value.role, orgHasAdmin))
      throw forbidden();
    try {
      await updateMembership(ctx.user.id, ctx.org.id, target.id, submission.value);
    } catch (err) {
      return formError(err, submission, { intent, link: null, target: target.id });
    }
    return redirectWithToast(request, back, { type: "success", key: "toast.saved" });
  }

  if (intent === "accept-request" || intent === "refuse-request") {
    if (!canDecideAccessRequests(ctx.membership)) throw forbidden();
    const target = String(formData.get("requestId") ?? "");
    const submission = parseWithZod(formData, { schema: intent === "accept-request" ? AcceptRequestSchema : RefuseRequestSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), link: null, target }, { status: 400 });
    const v = submission.value;
    if ("role" in v && !canAssignRole(ctx.membership.role, v.role, orgHasAdmin)) throw forbidden();
    try {
      await decideAccessRequest(
        ctx.user.id,
        ctx.org.id,
        v.requestId,
        "role" in v ? { accept: true, role: v.role, departmentIds: v.departmentIds } : { accept: false },
      );
    } catch (err) {
      if (err instanceof AccessRequestNotFoundError) throw notFound();
      if (err instanceof AccessRequestDecidedError)
        return data({ intent, result: submission.reply({ formErrors: ["errors.accessRequest.decided"] }), link: null, target }, { status: 409 });
      if (err instanceof NotFoundError)
        return data({ intent, result: submission.reply({ fieldErrors: { departmentIds: ["errors.choice"] } }), link: null, target }, { status: 400 });
      throw err;
    }
    return redirectWithToast(request, back, { type: "success", key: "role" in v ? "toast.accessAccepted" : "toast.accessRefused" });
  }

  const parsed = IdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { id } = parsed.data;
  if (parsed.data.intent === "revoke") {
    if (!(await revokeInvitation(ctx.user.id, ctx.org.id, id))) throw notFound();
    return redirectWithToast(request, back, { type: "success", key: "toast.invitationRevoked" });
  }
  const target = await getMemberInOrg(ctx.org.id, id);
  if (!target || !isRole(target.role)) throw notFound();
  if (!canAssignRole(ctx.membership.role, target.role, orgHasAdmin)) throw forbidden();
  if (parsed.data.intent === "reset") {
    if (!(await canResetPasswordOf(ctx.user.id, target.user.id))) {
      return data({ intent: "reset", result: undefined, link: null, target: target.id, error: "errors.resetOtherOrganizations" }, { status: 403 });
    }
    const { token } = await createPasswordReset(ctx.user.id, ctx.org.id, target.user.id);
    return data({ intent: "reset", result: undefined, link: `${origin(request)}/reset/${token}`, target: target.id });
  }
  try {
    await removeMembership(ctx.user.id, ctx.org.id, target.id);
  } catch (err) {
    return toastError(err, request, back);
  }
  return redirectWithToast(request, back, { type: "success", key: "toast.memberRemoved" });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function DepartmentChecks({
  name,
  departments,
  selected,
  legend,
  errors,
  errorId,
}: {
  name: string;
  departments: LoaderData["departments"];
  selected: string[];
  legend: string;
  errors?: string[];
  errorId: string;
}) {
  return (
    <fieldset className="checks" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      {departments.map((d) => (
        <label key={d.id} className="check">
          <input type="checkbox" name={name} value={d.id} defaultChecked={selected.includes(d.id)} /> {d.name}
        </label>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

/** The role and, for an EDITOR, the departments: the same pair on a member, an access request and an invitation. */
function RoleFields({
  label,
  hint = false,
  fields,
  roles,
  departments,
  selected,
}: {
  label: string;
  hint?: boolean;
  fields: { role: AnyField; departmentIds: { errors?: string[]; errorId: string } };
  roles: readonly Role[];
  departments: { id: string; name: string }[];
  selected: string[];
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={label}
        hint={hint ? t("hints.roles") : undefined}
        field={fields.role}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <DepartmentChecks
        name="departmentIds"
        departments={departments}
        selected={selected}
        legend={t("members.editorDepartments")}
        errors={fields.departmentIds.errors}
        errorId={fields.departmentIds.errorId}
      />
    </>
  );
}

function CopyLink({ link, label }: { link: string; label: string }) {
  const { t } = useT();
  return (
    <div className="callout success" role="status">
      <p>{label}</p>
      <label className="field">
        <span>{t("members.linkToSend")}</span>
        <input type="text" readOnly value={link} className="copy-field" onFocus={(e) => e.currentTarget.select()} />
      </label>
    </div>
  );
}

function MemberRow({
  member,
  data: d,
  actionData,
}: {
  member: LoaderData["members"][number];
  data: LoaderData;
  actionData: ReturnType<typeof useActionData<typeof action>>;
}) {
  const { t } = useT();
  const mine = actionData && "target" in actionData && actionData.target === member.id ? actionData : undefined;
  const [form, fields] = useForm({
    id: `member-${member.id}`,
    lastResult: mine?.intent === "update" ? mine.result : undefined,
    constraint: getZodConstraint(UpdateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateSchema }),
    defaultValue: { role: member.role },
  });
  const editable = canAssignRole(d.me.role, member.role, d.orgHasAdmin);
  const roles = ROLES.filter((r) => canAssignRole(d.me.role, r, d.orgHasAdmin));
  return (
    <li className="member card">
      <h3>
        {member.user.name} <span className="muted">{member.user.email}</span>
      </h3>
      <p>
        {t(`roles.${member.role}`)}
        {member.departments.length ? ` — ${member.departments.map((x) => x.name).join(", ")}` : ""}
      </p>
      {editable ? (
        <>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors errors={form.errors} />
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="membershipId" value={member.id} />
            <RoleFields
              label={t("fields.roleOf", { name: member.user.name })}
              fields={fields}
              roles={roles}
              departments={d.departments}
              selected={member.departments.map((x) => x.id)}
            />
            <button type="submit" className="button">
              {t("members.saveRole")}
            </button>
          </Form>
          <div className="button-row">
            <Form method="post">
              <input type="hidden" name="intent" value="reset" />
              <input type="hidden" name="id" value={member.id} />
              <button type="submit" className="button">
                {t("members.resetLink")}
                <span className="visually-hidden"> {member.user.name}</span>
              </button>
            </Form>
            {member.user.id !== d.me.userId ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={member.id} />
                <button type="submit" className="button danger">
                  {t("members.remove")}
                  <span className="visually-hidden"> {member.user.name}</span>
                </button>
              </Form>
            ) : null}
          </div>
          {mine?.intent === "reset" && mine.link ? <CopyLink link={mine.link} label={t("members.resetCreated", { name: member.user.name })} /> : null}
          {mine?.intent === "reset" && "error" in mine && mine.error ? <FormErrors errors={[mine.error]} /> : null}
        </>
      ) : null}
    </li>
  );
}

function AccessRequestRow({
  req,
  data: d,
  actionData,
}: {
  req: LoaderData["accessRequests"][number];
  data: LoaderData;
  actionData: ReturnType<typeof useActionData<typeof action>>;
}) {
  const { t, date } = useT();
  const mine = actionData && "target" in actionData && actionData.target === req.id ? actionData : undefined;
  const [form, fields] = useForm({
    id: `access-${req.id}`,
    lastResult: mine?.intent === "accept-request" ? mine.result : undefined,
    constraint: getZodConstraint(AcceptRequestSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptRequestSchema }),
    defaultValue: { role: "VIEWER" },
  });
  const roles = ROLES.filter((r) => canAssignRole(d.me.role, r, d.orgHasAdmin));
  const refused = mine?.intent === "refuse-request" && mine.result && "error" in mine.result ? mine.result.error?.[""] : undefined;
  return (
    <li className="member card">
      <h3>
        {req.user.name} <span className="muted">{req.user.email}</span>
      </h3>
      <p>{t("members.requestedOn", { date: date(req.createdAt, true) })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="accept-request" />
        <input type="hidden" name="requestId" value={req.id} />
        <RoleFields label={t("members.roleFor", { name: req.user.name })} hint fields={fields} roles={roles} departments={d.departments} selected={[]} />
        <button type="submit" className="button primary">
          {t("members.accept")}
          <span className="visually-hidden"> {req.user.name}</span>
        </button>
      </Form>
      <Form method="post">
        <FormErrors errors={refused ?? undefined} />
        <input type="hidden" name="intent" value="refuse-request" />
        <input type="hidden" name="requestId" value={req.id} />
        <button type="submit" className="button danger">
          {t("members.refuse")}
          <span className="visually-hidden"> {req.user.name}</span>
        </button>
      </Form>
    </li>
  );
}

/** A specific page title (RGAA 8.6). */
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "members.title");

export default function Members() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { role: "EDITOR" },
  });
  const canManage = d.canManage;
  const roles = ROLES.filter((r) => canAssignRole(d.me.role, r, d.orgHasAdmin));
  // A request decided meanwhile is no longer listed: its error ("already handled") is shown at the top.
  const decidedElsewhere =
    actionData && (actionData.intent === "accept-request" || actionData.intent === "refuse-request") && "target" in actionData
      ? !d.accessRequests.some((r) => r.id === actionData.target)
      : false;
  const orphanErrors = decidedElsewhere && actionData?.result && "error" in actionData.result ? actionData.result.error?.[""] : undefined;
  return (
    <div className="page">
      <h1>{t("members.title")}</h1>
      <FormErrors errors={orphanErrors ?? undefined} />
      {canManage ? (
        <section className="panel" aria-labelledby="invite-h">
          <h2 id="invite-h">{t("members.invite")}</h2>
          <p className="hint">{t("members.inviteIntro")}</p>
          {actionData?.intent === "invite" && actionData.link ? <CopyLink link={actionData.link} label={t("members.invitationCreated")} /> : null}
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors errors={form.errors} />
            <input type="hidden" name="intent" value="invite" />
            <TextField label={t("fields.email")} field={fields.email} type="email" required />
            <RoleFields label={t("fields.role")} hint fields={fields} roles={roles} departments={d.departments} selected={[]} />
            <button type="submit" className="button primary">
              {t("members.createInvitation")}
            </button>
          </Form>
        </section>
      ) : null}
      {d.accessRequests.length ? (
        <section aria-labelledby="access-requests" id="access-requests-section">
          <h2 id="access-requests">{t("members.accessRequests", { count: d.accessRequests.length })}</h2>
          <p className="hint">{t("members.accessRequestsIntro")}</p>
          <ul className="plain-list">
            {d.accessRequests.map((r) => (
              <AccessRequestRow key={r.id} req={r} data={d} actionData={actionData} />
            ))}
          </ul>
        </section>
      ) : null}
      {d.invitations.length ? (
        <section aria-labelledby="pending-h">
          <h2 id="pending-h">{t("members.pending")}</h2>
          <ul className="plain-list">
            {d.invitations.map((i) => (
              <li key={i.id} className="row">
                <span>
                  {i.email} — {t(`roles.${i.role}`)} — {t("members.expires", { date: date(i.expiresAt, true) })}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" className="button danger">
                    {t("members.revoke")}
                    <span className="visually-hidden"> {i.email}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t("members.list", { count: d.members.length })}</h2>
        <ul className="plain-list">
          {d.members.map((m) => (
            <MemberRow key={m.id} member={m} data={d} actionData={actionData} />
          ))}
        </ul>
      </section>
    </div>
  );
}
