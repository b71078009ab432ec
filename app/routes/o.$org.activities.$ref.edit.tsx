/**
 * Edits the working copy of an activity. Optimistic locking: the form carries the revision it was
 * loaded at; a save against a newer revision never overwrites, it shows a conflict screen instead.
 */
import { ActivityBreadcrumbs } from "~/components/breadcrumbs.tsx";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import {
  ActivityEditSchema,
  ActivityForm,
  COMPLETENESS_SECTION,
  SECTIONS,
  sectionId,
  sectionLabelKey,
  sortDiffLikeForm,
  useDiffLabels,
} from "~/components/activity-form.tsx";
import { listDepartments } from "~/models/department.server.ts";
import { ConflictError, saveActivity } from "~/models/activity.server.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import { formError } from "~/http/domain-errors.server.ts";
import { listPickableDepartments, requireActivity } from "~/http/activity-access.server.ts";
import { diffContents, type DiffRow } from "~/domain/activity-diff.ts";
import { computeCompleteness, computeWarnings } from "~/domain/activity-rules.ts";
import { canCreateIn } from "~/policies/activity.ts";
import { mayLeaveWithoutDepartment } from "~/policies/department.ts";
import { parsePrefilledPaths, withoutConfirmed } from "~/domain/prefilled.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "edit");
  return {
    org: ctx.org.slug,
    activity: {
      ref: activity.ref,
      name: activity.name,
      status: activity.status,
      revision: activity.revision,
      departmentId: activity.departmentId,
      content: activity.parsed,
      approvedVersion: activity.approvedVersion,
      pendingChanges: activity.pendingChanges,
      prefilledPaths: parsePrefilledPaths(activity.prefilledPaths),
    },
    departments: await listPickableDepartments(ctx),
    allowNoDepartment: mayLeaveWithoutDepartment(ctx.membership),
  };
}

type Conflict = {
  mine: ActivityContent;
  theirs: ActivityContent;
  theirRevision: number;
  theirDepartmentId: string | null;
  diff: DiffRow[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "edit");
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: ActivityEditSchema });
  if (submission.status !== "success") {
    // A list button (add/remove a row) is not an error: the form comes back with the row changed.
    return data({ result: submission.reply(), conflict: null }, { status: submission.status === "error" ? 400 : 200 });
  }
  const { revision, departmentId, content } = submission.value;
  const departments = await listDepartments(ctx.org.id);
  const inOrg = departmentId === null || departments.some((d) => d.id === departmentId);
  const allowed = canCreateIn(ctx.membership, departmentId);
  if (!inOrg || !allowed) {
    return data({ result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }), conflict: null }, { status: 400 });
  }
  try {
    // Sections prefilled from a template stay marked until their box "checked" is ticked.
    const prefilledPaths = withoutConfirmed(parsePrefilledPaths(activity.prefilledPaths), formData.getAll("confirmPrefilled"));
    await saveActivity(ctx.user.id, ctx.org.id, activity.id, revision, { content, departmentId, prefilledPaths });
  } catch (err) {
    if (err instanceof ConflictError) {
      const current = err.current;
      const names = new Map(departments.map((d) => [d.id, d.name]));
      const depName = (id: string | null) => (id ? (names.get(id) ?? null) : null);
      const diff = sortDiffLikeForm(
        diffContents(current.parsed, content, { before: { departmentId: depName(current.departmentId) }, after: { departmentId: depName(departmentId) } }),
      );
      const conflict: Conflict = { mine: content, theirs: current.parsed, theirRevision: current.revision, theirDepartmentId: current.departmentId, diff };
      return data({ result: submission.reply(), conflict }, { status: 409 });
    }
    // A department deleted meanwhile (on its field), an archived activity (above the form).
    return formError(err, submission, { conflict: null });
  }
  return redirectWithToast(request, `/o/${ctx.org.slug}/activities/${activity.ref}`, { type: "success", key: "toast.saved" });
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${d.activity.ref} ${t("activityForm.edit.title", { name: d.activity.name })} — ${t("app.name")}` : t("app.name") }];
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SavedSummary({ content, departmentId }: { content: ActivityContent; departmentId: string | null }) {
  const { t } = useT();
  const completeness = computeCompleteness(content, departmentId);
  const warnings = computeWarnings(content);
  return (
    <section className="panel form-summary" aria-labelledby="summary-h">
      <h2 id="summary-h">{t("activityForm.summary.title")}</h2>
      <p className="hint">{t("activityForm.summary.basis")}</p>
      <p className="completeness-score" id="summary-score">
        <strong>{t("activityForm.summary.score", { score: completeness.score })}</strong>
      </p>
      <progress className="completeness-bar" max={100} value={completeness.score} aria-labelledby="summary-score" />
      {completeness.missing.length === 0 ? (
        <p>{t("activityForm.summary.complete")}</p>
      ) : (
        <>
          <h3>{t("activityForm.summary.missingTitle", { count: completeness.missing.length })}</h3>
          <ul>
            {completeness.missing.map((item) => (
              <li key={item}>
                <a href={`#${sectionId(COMPLETENESS_SECTION[item])}`}>{t(`completeness.${item}`)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length ? (
        <div className="callout warning">
          <h3>{t("activityForm.summary.warningsTitle", { count: warnings.length })}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{t(`warnings.${w}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function ConflictPanel({ conflict, editHref }: { conflict: Conflict; editHref: string }) {
  const { t } = useT();
  const { label, value } = useDiffLabels();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [conflict]);
  return (
    <section className="conflict" aria-labelledby="conflict-h">
      <h2 id="conflict-h" tabIndex={-1} ref={heading}>
        {t("activityForm.conflict.title")}
      </h2>
      <p role="alert" className="form-errors">
        {t("errors.conflict")}
      </p>
      {conflict.diff.length === 0 ? (
        <p>{t("activityForm.conflict.noDiff")}</p>
      ) : (
        <div className="table-wrap diff-wrap">
          <table className="diff-table">
            <caption>{t("activityForm.conflict.caption", { count: conflict.diff.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("activityForm.conflict.field")}</th>
                <th scope="col">{t("activityForm.conflict.theirs")}</th>
                <th scope="col">{t("activityForm.conflict.mine")}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.diff.map((row) => (
                <tr key={row.path}>
                  <th scope="row">{label(row.path)}</th>
                  <td className={row.before === null ? "diff-empty" : undefined}>{value(row.path, row.before)}</td>
                  <td className={row.after === null ? "diff-empty" : undefined}>{value(row.path, row.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("activityForm.conflict.choose")}</h3>
      <ul className="conflict-choices">
        <li>
          <Link to={editHref} reloadDocument className="button">
            {t("activityForm.conflict.reload")}
          </Link>
          <p className="hint">{t("activityForm.conflict.reloadHint")}</p>
        </li>
        <li>
          <a href="#reapply" className="button primary">
            {t("activityForm.conflict.reapply")}
          </a>
          <p className="hint">{t("activityForm.conflict.reapplyHint")}</p>
        </li>
      </ul>
    </section>
  );
}

function StatusNotice({ a }: { a: LoaderData["activity"] }) {
  const { t } = useT();
  if (a.status === "APPROVED" && a.approvedVersion) {
    return (
      <div className="callout">
        <p>
          <strong>{t("activityForm.approvedNotice.title", { version: a.approvedVersion })}</strong>
        </p>
        <p>{t("activityForm.approvedNotice.body", { version: a.approvedVersion })}</p>
      </div>
    );
  }
  return (
    <>
      {a.status === "CHANGES_REQUESTED" ? (
        <div className="callout warning">
          <p>{t("activityForm.changesRequestedNotice")}</p>
        </div>
      ) : null}
      {a.approvedVersion && a.pendingChanges ? (
        <div className="callout">
          <p>{t("activityForm.pendingNotice", { version: a.approvedVersion })}</p>
        </div>
      ) : null}
    </>
  );
}

export default function EditActivity() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const a = d.activity;
  const conflict = actionData?.conflict ?? null;
  const base = `/o/${d.org}/activities`;
  const self = `${base}/${a.ref}`;
  return (
    <div className="page activity-edit">
      <ActivityBreadcrumbs org={d.org} activityRef={a.ref} current={t("activityForm.edit.breadcrumb")} />
      <p className="activity-edit-meta">{t("activityForm.edit.meta", { ref: a.ref, status: t(`vocab.status.${a.status}`) })}</p>
      <h1>{t("activityForm.edit.title", { name: a.name })}</h1>
      <StatusNotice a={a} />
      {conflict ? <ConflictPanel conflict={conflict} editHref={`${self}/edit`} /> : <p className="lead">{t("activityForm.edit.intro")}</p>}
      <SavedSummary content={conflict ? conflict.theirs : a.content} departmentId={conflict ? conflict.theirDepartmentId : a.departmentId} />
      <nav className="form-toc" aria-labelledby="toc-h">
        <h2 id="toc-h">{t("activityForm.toc")}</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${sectionId(s)}`}>{t(sectionLabelKey(s))}</a>
            </li>
          ))}
        </ol>
      </nav>
      {conflict ? (
        <div className="conflict-reapply">
          <h2 id="reapply" tabIndex={-1}>
            {t("activityForm.conflict.formTitle")}
          </h2>
          <p className="hint">{t("activityForm.conflict.reapplyHint")}</p>
        </div>
      ) : null}
      <ActivityForm
        key={`${a.ref}-${a.revision}`}
        id={`activity-${a.ref}-${a.revision}`}
        revision={conflict ? conflict.theirRevision : a.revision}
        defaultValue={{ departmentId: a.departmentId, content: a.content }}
        lastResult={actionData?.result}
        departments={d.departments}
        allowNoDepartment={d.allowNoDepartment}
        submitLabel={conflict ? t("activityForm.conflict.submit") : t("activityForm.save")}
        cancelHref={self}
        prefilledPaths={a.prefilledPaths}
      />
    </div>
  );
}
