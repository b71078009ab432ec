/**
 * The page of one processing activity: status, completeness, warnings, workflow actions, the full
 * record, its vendors and hosting (app/components/activity-sovereignty.tsx) and the discussion thread.
 * Every form is a plain POST, so the page works without JavaScript.
 *
 * With flat routes, /edit, /history and /versions/:number are children of this route: when one of
 * them matches, this component only renders the child (see useOutlet below).
 */
import { SectionErrorBoundary } from "~/components/error-page.tsx";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useOutlet, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useId } from "react";
import { ActivityDetails } from "~/components/activity-details.tsx";
import { ActivityPublicPanel } from "~/components/activity-public.tsx";
import { ActivitySovereignty } from "~/components/activity-sovereignty.tsx";
import { DpiaPanel } from "~/components/dpia-panel.tsx";
import { dpiaPanel } from "~/models/dpia.server.ts";
import { modelOriginOf } from "~/models/referentiel.server.ts";
import { canReviewModelUpdate } from "~/policies/catalogue.ts";
import { ErrorList } from "~/components/forms.tsx";
import { addComment, ConflictError, listComments, transitionActivity } from "~/models/activity.server.ts";
import { domainError, replyOptions } from "~/http/domain-errors.server.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { linkIntentAction, loadActivitySovereignty } from "~/http/activity-sovereignty.server.ts";
import { computeCompleteness, computeWarnings } from "~/domain/activity-rules.ts";
import {
  availableTransitions,
  canComment,
  canEditActivity,
  canPublishActivity,
  canTransition,
  mayEverTransition,
  TRANSITIONS,
  type Transition,
} from "~/policies/activity.ts";
import { forbidden, type OrgContext } from "~/http/auth.server.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { parsePrefilledPaths } from "~/domain/prefilled.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { blank, z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const COMMENT_MAX = 5000;
const REASON_MAX = 1000;

const TransitionSchema = z
  .object({
    intent: z.literal("transition"),
    transition: z.enum(TRANSITIONS),
    revision: z.preprocess((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : v), z.number().int().min(1)),
    comment: z.preprocess(blank, z.string().max(COMMENT_MAX).optional()),
    reason: z.preprocess(blank, z.string().max(REASON_MAX).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.transition === "requestChanges" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "errors.commentRequired" });
    if (v.transition === "archive" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "errors.reasonRequired" });
  });

const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(COMMENT_MAX)),
});

const TOASTS: Record<Transition, MessageKey> = {
  submit: "toast.submitted",
  withdraw: "toast.withdrawn",
  approve: "toast.approved",
  requestChanges: "toast.changesRequested",
  archive: "toast.archived",
  restore: "toast.restored",
};

type ActionData = { form: string; result: SubmissionResult<string[]> | undefined; alert: MessageKey | null };

function pagePath(ctx: OrgContext, activity: { ref: string }) {
  return `/o/${ctx.org.slug}/activities/${activity.ref}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const m = ctx.membership;
  const [comments, sovereignty, dpia, modelOrigin] = await Promise.all([
    listComments(ctx.org.id, activity.id),
    loadActivitySovereignty(ctx, activity),
    dpiaPanel(ctx.org.id, activity),
    modelOriginOf(activity),
  ]);
  return {
    activity: {
      ref: activity.ref,
      name: activity.name,
      status: activity.status,
      revision: activity.revision,
      approvedVersion: activity.approvedVersion,
      pendingChanges: activity.pendingChanges,
      archivedAt: activity.archivedAt?.toISOString() ?? null,
      archiveReason: activity.archiveReason,
      submittedAt: activity.submittedAt?.toISOString() ?? null,
      updatedAt: activity.updatedAt.toISOString(),
      departmentName: activity.departmentName,
      content: activity.parsed,
      isPublic: activity.isPublic,
    },
    canPublish: canPublishActivity(m),
    completeness: computeCompleteness(activity.parsed, activity.departmentId),
    warnings: computeWarnings(activity.parsed),
    comments: comments.map((c) => ({ ...c, transition: isTransition(c.transition) ? c.transition : null, createdAt: c.createdAt.toISOString() })),
    transitions: availableTransitions(m, activity),
    canEdit: canEditActivity(m, activity),
    canComment: canComment(m, activity),
    sovereignty,
    dpia,
    /** Parts prefilled from a template that nobody has confirmed yet. */
    prefilledCount: parsePrefilledPaths(activity.prefilledPaths).length,
    /** The model activity it was proposed from (ADR 020), and whether this member may review a newer version. */
    modelOrigin: modelOrigin ? { ...modelOrigin, canReview: canReviewModelUpdate(m, activity) } : null,
  };
}

function isTransition(v: unknown): v is Transition {
  return typeof v === "string" && (TRANSITIONS as readonly string[]).includes(v);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = formData.get("intent");

  // Vendors and hosting section: link / unlink a service or an own hosting site.
  if (intent === "link" || intent === "unlink") return linkIntentAction(request, params, formData, intent);

  if (intent === "comment") {
    const { ctx, activity } = await requireActivity(request, params, "comment");
    const submission = parseWithZod(formData, { schema: CommentSchema });
    if (submission.status !== "success") return data<ActionData>({ form: "comment", result: submission.reply(), alert: null }, { status: 400 });
    await addComment(ctx.user.id, ctx.org.id, activity.id, submission.value.body);
    return redirectWithToast(request, `${pagePath(ctx, activity)}#comments-h`, { type: "success", key: "toast.commented" });
  }

  if (intent === "transition") {
    const { ctx, activity } = await requireActivity(request, params, "read");
    const raw = formData.get("transition");
    const form = isTransition(raw) ? `transition-${raw}` : "transition";
    const submission = parseWithZod(formData, { schema: TransitionSchema });
    if (submission.status !== "success") {
      if (!isTransition(raw)) throw new Response("Bad Request", { status: 400 });
      return data<ActionData>({ form, result: submission.reply(), alert: null }, { status: 400 });
    }
    const { transition, revision, comment, reason } = submission.value;
    const m = ctx.membership;
    // A role that can never make this move is refused outright; a move that is merely not possible
    // in the current status (or from a stale page) is explained.
    if (!mayEverTransition(m, activity, transition)) throw forbidden();
    if (revision !== activity.revision) return data<ActionData>({ form, result: submission.reply(), alert: "activityView.conflict" }, { status: 409 });
    if (!canTransition(m, activity, transition)) {
      return data<ActionData>(
        { form, result: submission.reply({ formErrors: ["errors.transitionNotAllowed"] }), alert: "errors.transitionNotAllowed" },
        { status: 400 },
      );
    }
    try {
      const updated = await transitionActivity(ctx.user.id, ctx.org.id, activity.id, revision, transition, {
        comment: transition === "requestChanges" ? comment : undefined,
        reason: transition === "archive" ? reason : undefined,
      });
      const params = transition === "approve" ? { version: updated.approvedVersion ?? 1 } : undefined;
      return redirectWithToast(request, pagePath(ctx, activity), { type: "success", key: TOASTS[transition], params });
    } catch (err) {
      // A conflict only says so (the page reloads the activity as it now is); other refusals go on their field or above the form.
      if (err instanceof ConflictError) return data<ActionData>({ form, result: submission.reply(), alert: err.key }, { status: err.status });
      const e = domainError(err);
      return data<ActionData>({ form, result: submission.reply(replyOptions(e)), alert: e.field ? null : e.key }, { status: e.status });
    }
  }

  throw new Response("Bad Request", { status: 400 });
}

/** After a conflict the page must show the activity as it now is (single fetch skips 4xx revalidation). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: d ? `${d.activity.ref} ${d.activity.name} — ${t("app.name")}` : t("app.name") }];
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ActivityRoute() {
  const outlet = useOutlet();
  // /edit, /history and /versions/:n are full pages of their own.
  return outlet ?? <ActivityPage />;
}

function StatusLine({ a }: { a: LoaderData["activity"] }) {
  const { t } = useT();
  return (
    <p className="activity-status">
      <span className={`status-badge status-${a.status.toLowerCase().replace("_", "-")}`}>{t(`vocab.status.${a.status}`)}</span>
      {a.approvedVersion ? <span className="status-note">{t("activityView.approvedVersion", { number: a.approvedVersion })}</span> : null}
      {a.pendingChanges && a.approvedVersion ? <span className="status-note pending">{t("activityView.pendingChanges")}</span> : null}
    </p>
  );
}

function ActivityPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const a = d.activity;
  const org = useParams().org ?? "";
  const self = `/o/${org}/activities/${a.ref}`;
  const alert = actionData?.alert ?? null;
  return (
    <div className="page activity-page">
      <Breadcrumbs trail={[{ to: `/o/${org}/activities`, label: t("nav.register") }]} current={a.ref} />
      <header className="activity-header">
        <p className="activity-ref">{a.ref}</p>
        <h1>{a.name}</h1>
        <StatusLine a={a} />
        <p className="muted">
          {a.departmentName ? t("activityView.department", { name: a.departmentName }) : t("activityView.noDepartment")}
          {" · "}
          {t("activityView.updatedAt", { date: date(a.updatedAt, true) })}
        </p>
      </header>

      {alert ? (
        <div className="form-errors" role="alert">
          <p>{t(alert)}</p>
          {alert === "activityView.conflict" ? <p>{t("activityView.conflictNow", { status: t(`vocab.status.${a.status}`) })}</p> : null}
        </div>
      ) : null}

      {a.status === "ARCHIVED" ? (
        <div className="callout warning">
          <p>
            <strong>{a.archivedAt ? t("activityView.archivedOn", { date: date(a.archivedAt) }) : t("vocab.status.ARCHIVED")}</strong>
          </p>
          {a.archiveReason ? (
            <p className="free-text">
              {t("activityView.archiveReason")} {a.archiveReason}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="button-row">
        {d.canEdit ? (
          <Link to={`${self}/edit`} className="button primary">
            {t("activityView.edit")}
          </Link>
        ) : null}
        {d.canEdit ? (
          <Link to={`${self}/guided/1`} className="button">
            {t("guided.page.guidedLink")}
          </Link>
        ) : null}
        <Link to={`${self}/history`} className="button">
          {t("activityView.history")}
        </Link>
      </div>
      {d.canEdit && a.status === "APPROVED" ? <p className="hint">{t("activityView.editApprovedHint")}</p> : null}
      {d.prefilledCount > 0 ? (
        <p className="callout prefilled-callout">
          {d.prefilledCount === 1 ? t("guided.prefilled.pageNotice.one") : t("guided.prefilled.pageNotice.other", { count: d.prefilledCount })}
        </p>
      ) : null}

      {d.modelOrigin ? (
        <p className="callout model-origin">
          {t("activityView.modelOrigin", { model: d.modelOrigin.model, version: d.modelOrigin.version, owner: d.modelOrigin.owner })}
          {d.modelOrigin.latest > d.modelOrigin.version && d.modelOrigin.canReview ? (
            <>
              {" "}
              <Link to={`${self}/model`}>{t("activityView.modelUpdate", { version: d.modelOrigin.latest })}</Link>
            </>
          ) : null}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="workflow-h">
        <h2 id="workflow-h">{t("activityView.workflow.title")}</h2>
        <p>{t(`activityView.statusHelp.${a.status}`)}</p>
        {d.transitions.length === 0 ? (
          <p className="hint">{t("activityView.workflow.none")}</p>
        ) : (
          <div className="workflow-actions">
            {d.transitions.map((tr) => (
              <TransitionForm key={tr} transition={tr} revision={a.revision} nextVersion={(a.approvedVersion ?? 0) + 1} actionData={actionData} />
            ))}
          </div>
        )}
      </section>

      <CompletenessPanel completeness={d.completeness} warnings={d.warnings} />

      <DpiaPanel data={d.dpia} base={self} />

      <ActivityDetails content={a.content} departmentName={a.departmentName} />

      <ActivitySovereignty data={d.sovereignty} actionData={actionData} base={`/o/${org}`} />

      <ActivityPublicPanel base={`/o/${org}`} activityRef={a.ref} isPublic={a.isPublic} approved={a.approvedVersion !== null} canPublish={d.canPublish} />

      <CommentThread comments={d.comments} canComment={d.canComment} actionData={actionData} />
    </div>
  );
}

function TransitionForm({
  transition,
  revision,
  nextVersion,
  actionData,
}: {
  transition: Transition;
  revision: number;
  nextVersion: number;
  actionData: ActionData | undefined;
}) {
  const { t } = useT();
  const id = `transition-${transition}`;
  const mine = actionData?.form === id ? actionData : undefined;
  const [form, fields] = useForm({
    id,
    lastResult: mine?.result,
    constraint: getZodConstraint(TransitionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TransitionSchema }),
    shouldRevalidate: "onInput",
  });
  const hidden = (
    <>
      <input type="hidden" name="intent" value="transition" />
      <input type="hidden" name="transition" value={transition} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
  const buttonClass = transition === "approve" ? "button primary" : transition === "archive" ? "button danger" : "button";

  if (transition === "requestChanges" || transition === "archive") {
    const field = transition === "requestChanges" ? fields.comment : fields.reason;
    const max = transition === "requestChanges" ? COMMENT_MAX : REASON_MAX;
    const props = getTextareaProps(field, { ariaAttributes: true });
    const hintId = `${id}-hint`;
    const hasError = Boolean(field.errors?.length || form.errors?.length);
    return (
      <details className="workflow-details" open={hasError || undefined}>
        <summary className={buttonClass}>{t(`vocab.transition.${transition}`)}</summary>
        <Form method="post" {...getFormProps(form)} className="stack">
          {hidden}
          <div className="field">
            <label htmlFor={field.id}>
              {t(transition === "requestChanges" ? "activityView.workflow.commentLabel" : "activityView.workflow.reasonLabel")}
              <span aria-hidden="true"> *</span>
            </label>
            <p id={hintId} className="hint">
              {t(transition === "requestChanges" ? "activityView.workflow.commentHint" : "activityView.workflow.reasonHint")}
            </p>
            <textarea
              {...props}
              key={props.key}
              rows={4}
              required
              maxLength={max}
              aria-describedby={[hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}
            />
            <ErrorList id={field.errorId} errors={field.errors} />
          </div>
          <ErrorList errors={form.errors} />
          <button type="submit" className={buttonClass}>
            {t(transition === "requestChanges" ? "activityView.workflow.sendRequest" : "activityView.workflow.confirmArchive")}
          </button>
        </Form>
      </details>
    );
  }

  return (
    <Form method="post" {...getFormProps(form)} className="workflow-form">
      {hidden}
      <button type="submit" className={buttonClass} aria-describedby={transition === "approve" ? `${id}-hint` : undefined}>
        {t(`vocab.transition.${transition}`)}
      </button>
      {transition === "approve" ? (
        <p id={`${id}-hint`} className="hint">
          {t("activityView.workflow.approveHint", { number: nextVersion })}
        </p>
      ) : null}
      <ErrorList errors={form.errors} />
    </Form>
  );
}

function CompletenessPanel({ completeness, warnings }: { completeness: LoaderData["completeness"]; warnings: LoaderData["warnings"] }) {
  const { t } = useT();
  const present = completeness.applicable.length - completeness.missing.length;
  return (
    <section className="panel" aria-labelledby="completeness-h">
      <h2 id="completeness-h">{t("activityView.completeness.title")}</h2>
      <p className="completeness-score">
        <strong>{t("activityView.completeness.score", { score: completeness.score })}</strong>{" "}
        <span className="muted">{t("activityView.completeness.count", { present, total: completeness.applicable.length })}</span>
      </p>
      <progress className="completeness-bar" max={100} value={completeness.score} aria-labelledby="completeness-h" />
      {completeness.missing.length === 0 ? (
        <p>{t("activityView.completeness.complete")}</p>
      ) : (
        <>
          <h3 id="missing-h">{t("activityView.completeness.missing")}</h3>
          <ul aria-labelledby="missing-h">
            {completeness.missing.map((item) => (
              <li key={item}>{t(`completeness.${item}`)}</li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 ? (
        <div className="callout warning">
          <h3>{t("activityView.warnings.title")}</h3>
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

function CommentThread({ comments, canComment, actionData }: { comments: LoaderData["comments"]; canComment: boolean; actionData: ActionData | undefined }) {
  const { t, date } = useT();
  const formHeadingId = useId();
  const mine = actionData?.form === "comment" ? actionData : undefined;
  const [form, fields] = useForm({
    id: "comment",
    lastResult: mine?.result,
    constraint: getZodConstraint(CommentSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
    shouldRevalidate: "onInput",
  });
  const body = getTextareaProps(fields.body, { ariaAttributes: true });
  return (
    <section aria-labelledby="comments-h" className="comments">
      <h2 id="comments-h">{t("activityView.comments.title", { count: comments.length })}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t("activityView.comments.empty")}</p>
      ) : (
        <ol className="comment-thread">
          {comments.map((c) => {
            const author = c.author ?? t("activityView.comments.unknownAuthor");
            const when = (
              <time dateTime={c.createdAt} className="comment-date">
                {date(c.createdAt, true)}
              </time>
            );
            if (c.kind === "CHANGE_REQUEST") {
              return (
                <li key={c.id} className="comment change-request">
                  <p className="comment-meta">
                    <strong>{t("activityView.comments.changeRequest", { author })}</strong> {when}
                  </p>
                  <p className="free-text">{c.body}</p>
                </li>
              );
            }
            if (c.kind === "TRANSITION") {
              return (
                <li key={c.id} className="comment event">
                  <p className="comment-meta">
                    {c.transition ? t(`activityView.event.${c.transition}`, { author }) : t("activityView.event.unknown", { author })} {when}
                  </p>
                  {c.body ? <p className="free-text">{c.body}</p> : null}
                </li>
              );
            }
            return (
              <li key={c.id} className="comment">
                <p className="comment-meta">
                  <strong>{author}</strong> {when}
                </p>
                <p className="free-text">{c.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {canComment ? (
        <Form method="post" {...getFormProps(form)} className="stack comment-form" aria-labelledby={formHeadingId}>
          <h3 id={formHeadingId}>{t("activityView.comments.add")}</h3>
          <input type="hidden" name="intent" value="comment" />
          <div className="field">
            <label htmlFor={fields.body.id}>
              {t("activityView.comments.bodyLabel")}
              <span aria-hidden="true"> *</span>
            </label>
            <textarea
              {...body}
              key={body.key}
              rows={4}
              required
              maxLength={COMMENT_MAX}
              aria-describedby={fields.body.errors?.length ? fields.body.errorId : undefined}
            />
            <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
          </div>
          <button type="submit" className="button primary">
            {t("activityView.comments.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** Errors of this page (unknown record, refused access…) stay inside the organization's layout, with a way back. */
export function ErrorBoundary() {
  const { org } = useParams();
  return <SectionErrorBoundary to={`/o/${org}/activities`} label="ui.error.back.register" />;
}
