/** The guided step's loader and action: read the step, validate only its fields, merge and save; see route.tsx. */
import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { ConflictError, saveActivity, transitionActivity } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import { RISK_FLAGS } from "~/reference/vocabularies.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { listPickableDepartments, requireActivity } from "~/http/activity-access.server.ts";
import { computeCompleteness, computeWarnings, hasOffenceData, hasSensitiveData } from "~/domain/activity-rules.ts";
import { canCreateIn, canTransition } from "~/policies/activity.ts";
import { mayLeaveWithoutDepartment } from "~/policies/department.ts";
import { notFound } from "~/http/auth.server.ts";
import { formError } from "~/http/domain-errors.server.ts";
import {
  GuidedStepSchemas,
  LAST_STEP,
  legalApplicability,
  mergeStep,
  parseStep,
  STEP_CONFIRM_KEYS,
  stepDefaults,
  type EditStep,
  type GuidedStep,
  type StepValue,
} from "~/domain/guided.ts";
import { parsePrefilledPaths, withoutConfirmed } from "~/domain/prefilled.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { stepPath } from "./shared.ts";

function stepFrom(params: { step?: string }): GuidedStep {
  const step = parseStep(params.step);
  if (!step) throw notFound();
  return step;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "edit");
  const step = stepFrom(params);
  const content = activity.parsed;
  const completeness = computeCompleteness(content, activity.departmentId);
  return {
    org: ctx.org.slug,
    step,
    activity: {
      ref: activity.ref,
      name: activity.name,
      status: activity.status,
      revision: activity.revision,
      departmentId: activity.departmentId,
      departmentName: activity.departmentName,
    },
    content,
    defaults: step === LAST_STEP ? null : stepDefaults(step as EditStep, content, activity.departmentId),
    prefilled: parsePrefilledPaths(activity.prefilledPaths),
    departments: step === 1 ? await listPickableDepartments(ctx) : [],
    allowNoDepartment: mayLeaveWithoutDepartment(ctx.membership),
    applies: legalApplicability(content),
    review:
      step === LAST_STEP
        ? {
            completeness,
            warnings: computeWarnings(content),
            canSubmit: canTransition(ctx.membership, activity, "submit"),
            sensitive: hasSensitiveData(content),
            offences: hasOffenceData(content),
            riskCount: RISK_FLAGS.filter((f) => content.riskFlags[f]).length,
          }
        : null,
  };
}

export type ActionData = { result: SubmissionResult<string[]>; conflict: boolean };

/** Zod paths of the merged content ("dataCategories.0.category") as Conform names. */
function conformName(path: PropertyKey[]): string {
  return path.reduce<string>((name, p) => (typeof p === "number" ? `${name}[${p}]` : name ? `${name}.${String(p)}` : String(p)), "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "edit");
  const step = stepFrom(params);
  const formData = await readForm(request);
  const activityPath = `/o/${ctx.org.slug}/activities/${activity.ref}`;

  if (step === LAST_STEP) {
    const submission = parseWithZod(formData, { schema: GuidedStepSchemas[7] });
    if (submission.status !== "success") return data<ActionData>({ result: submission.reply(), conflict: false }, { status: 400 });
    if (submission.value.revision !== activity.revision) return data<ActionData>({ result: submission.reply(), conflict: true }, { status: 409 });
    if (!canTransition(ctx.membership, activity, "submit")) {
      return data<ActionData>({ result: submission.reply({ formErrors: ["errors.transitionNotAllowed"] }), conflict: false }, { status: 400 });
    }
    try {
      await transitionActivity(ctx.user.id, ctx.org.id, activity.id, submission.value.revision, "submit");
    } catch (err) {
      if (err instanceof ConflictError) return data<ActionData>({ result: submission.reply(), conflict: true }, { status: 409 });
      // A refused submission (e.g. archived meanwhile) above the form (ADR 017).
      return formError(err, submission, { conflict: false });
    }
    return redirectWithToast(request, activityPath, { type: "success", key: "toast.submitted" });
  }

  const editStep = step as EditStep;
  const schema = GuidedStepSchemas[editStep];
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    // A list button (add/remove a row) is not an error: the step comes back with the row changed.
    return data<ActionData>({ result: submission.reply(), conflict: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const value = submission.value as StepValue<EditStep>;

  let departmentId = activity.departmentId;
  if (editStep === 1) {
    departmentId = (value as StepValue<1>).departmentId;
    const departments = await listDepartments(ctx.org.id);
    const inOrg = departmentId === null || departments.some((d) => d.id === departmentId);
    const allowed = canCreateIn(ctx.membership, departmentId);
    if (!inOrg || !allowed) {
      return data<ActionData>(
        { result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }), conflict: false },
        { status: 400 },
      );
    }
  }

  // The step's values in the saved record, validated as a whole record (the same rules as the full form).
  const merged = ActivityContentSchema.safeParse(mergeStep(editStep, activity.parsed, value.content));
  if (!merged.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of merged.error.issues) (fieldErrors[conformName(["content", ...issue.path])] ??= []).push(issue.message);
    return data<ActionData>({ result: submission.reply({ fieldErrors }), conflict: false }, { status: 400 });
  }

  const prefilledPaths = withoutConfirmed(parsePrefilledPaths(activity.prefilledPaths), formData.getAll("confirmPrefilled"), STEP_CONFIRM_KEYS[editStep]);
  try {
    await saveActivity(ctx.user.id, ctx.org.id, activity.id, value.revision, { content: merged.data, departmentId, prefilledPaths });
  } catch (err) {
    if (err instanceof ConflictError) return data<ActionData>({ result: submission.reply(), conflict: true }, { status: 409 });
    // A department deleted meanwhile (on its field), an archived activity (above the form).
    return formError(err, submission, { conflict: false });
  }
  const next = ("nav" in value && value.nav === "prev" ? Math.max(1, step - 1) : step + 1) as GuidedStep;
  return redirectWithToast(request, stepPath(ctx.org.slug, activity.ref, next), { type: "success", key: "guided.toast.saved", params: { n: step } });
}
