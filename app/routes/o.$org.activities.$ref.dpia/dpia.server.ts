/** The DPIA page's loader and its form actions (one POST per `intent`); see route.tsx. */
import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, MaxPartSizeExceededError, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  addDpiaMeasure,
  DpiaMeasureError,
  getDpia,
  importPiaJson,
  removeDpiaMeasure,
  saveDpiaContent,
  saveDpiaOpinions,
  startPrefilledDpia,
  transitionDpia,
} from "~/models/dpia.server.ts";
import {
  AddMeasureFormSchema,
  DPIA_RISKS,
  DpiaContentFormSchema,
  RemoveMeasureFormSchema,
  DpiaTransitionFormSchema,
  DpoOpinionFormSchema,
} from "~/schemas/dpia.ts";
import { requireActivity } from "~/http/activity-access.server.ts";
import { availableDpiaTransitions, canDraftDpia, canEditDpia, canGiveDpoOpinion, dpiaTransitionDecision, piaImportDecision } from "~/policies/dpia.ts";
import { forbidden } from "~/http/auth.server.ts";
import { alertError } from "~/http/domain-errors.server.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { isUploadedFile, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";

export type ActionData = { form: string; result: SubmissionResult<string[]> | undefined; alert: MessageKey | null };

/** Largest CNIL PIA tool file accepted for import. */
export const PIA_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const dpia = await getDpia(ctx.org.id, activity.id);
  const m = ctx.membership;
  const canDraft = canDraftDpia(m, activity);
  return {
    activity: { ref: activity.ref, name: activity.name },
    dpia: dpia
      ? {
          version: dpia.version,
          status: dpia.status,
          answers: dpia.answers,
          measures: dpia.measures,
          risks: dpia.risks,
          actionPlan: dpia.actionPlan,
          opinions: dpia.opinions,
          validation: dpia.validation,
        }
      : null,
    canDraft,
    editable: canEditDpia(m, activity, dpia?.status ?? null),
    canGiveOpinion: canGiveDpoOpinion(m),
    canImport: piaImportDecision(m, activity, dpia?.status ?? null) === "allowed",
    transitions: dpia ? availableDpiaTransitions(m, activity, dpia.status) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "read");
  const m = ctx.membership;
  if (!canDraftDpia(m, activity)) throw forbidden();
  const self = `/o/${ctx.org.slug}/activities/${activity.ref}/dpia`;
  let formData: FormData;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    // Only the PIA import is multipart: the parser stops reading past the size limit.
    try {
      formData = await readMultipartForm(request, { maxFileBytes: PIA_IMPORT_MAX_BYTES });
    } catch (err) {
      if (err instanceof MaxPartSizeExceededError)
        return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.importTooLarge" }, { status: 413 });
      if (err instanceof TypeError) throw new Response("Bad Request", { status: 400 });
      throw err;
    }
  } else {
    formData = await readForm(request);
  }
  const intent = formData.get("intent");
  if (intent === "importPia") {
    const current = await getDpia(ctx.org.id, activity.id);
    const decision = piaImportDecision(m, activity, current?.status ?? null);
    if (decision === "forbidden") throw forbidden();
    if (decision === "invalid") {
      return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.transition" }, { status: 400 });
    }
    const file = formData.get("file");
    if (!isUploadedFile(file) || file.size === 0)
      return data<ActionData>({ form: "importPia", result: undefined, alert: "dpia.errors.importInvalid" }, { status: 400 });
    try {
      await importPiaJson(ctx.user.id, ctx.org.id, activity.id, await file.text(), { role: m.role });
    } catch (err) {
      // An invalid file, a locked DPIA: the message above the import form (ADR 017).
      return alertError(err, { form: "importPia", result: undefined });
    }
    return redirectWithToast(request, self, { type: "success", key: "dpia.page.imported" });
  }
  if (intent === "start") {
    try {
      await startPrefilledDpia(ctx.user.id, ctx.org.id, activity, await getLocale(request));
    } catch (err) {
      return alertError(err, { form: "start", result: undefined });
    }
    return redirectWithToast(request, self, { type: "success", key: "dpia.page.started" });
  }
  const dpia = await getDpia(ctx.org.id, activity.id);
  if (!dpia) throw new Response("Not Found", { status: 404 });
  try {
    if (intent === "opinion") {
      if (!canGiveDpoOpinion(m)) throw forbidden();
      const submission = parseWithZod(formData, { schema: DpoOpinionFormSchema });
      if (submission.status !== "success") return data<ActionData>({ form: "opinion", result: submission.reply(), alert: null }, { status: 400 });
      const v = submission.value;
      await saveDpiaOpinions(ctx.user.id, ctx.org.id, dpia, v.version, {
        dpo: { name: v.dpoName, canProceed: v.canProceed, text: v.dpoText },
        subjects: {
          sought: v.subjectsSought,
          reason: v.subjectsReason ?? "",
          text: v.subjectsText ?? "",
          names: v.subjectsNames ?? "",
          ...(v.subjectsFavourable === undefined ? {} : { favourable: v.subjectsFavourable }),
        },
      });
      return redirectWithToast(request, `${self}#opinions-h`, { type: "success", key: "dpia.opinion.saved" });
    }
    if (intent === "addMeasure" || intent === "removeMeasure") {
      if (intent === "addMeasure") {
        const submission = parseWithZod(formData, { schema: AddMeasureFormSchema });
        if (submission.status !== "success")
          return data<ActionData>({ form: "measures", result: submission.reply(), alert: "dpia.errors.measure" }, { status: 400 });
        await addDpiaMeasure(
          ctx.user.id,
          ctx.org.id,
          dpia,
          submission.value.version,
          { code: submission.value.code, details: submission.value.details },
          await getLocale(request),
        );
      } else {
        const submission = parseWithZod(formData, { schema: RemoveMeasureFormSchema });
        if (submission.status !== "success")
          return data<ActionData>({ form: "measures", result: submission.reply(), alert: "dpia.errors.measure" }, { status: 400 });
        await removeDpiaMeasure(ctx.user.id, ctx.org.id, dpia, submission.value.version, submission.value.index);
      }
      return redirectWithToast(request, `${self}#measures-h`, {
        type: "success",
        key: intent === "addMeasure" ? "dpia.measures.added" : "dpia.measures.removed",
      });
    }
    if (intent === "transition") {
      const submission = parseWithZod(formData, { schema: DpiaTransitionFormSchema });
      if (submission.status !== "success") return data<ActionData>({ form: "transition", result: submission.reply(), alert: null }, { status: 400 });
      const v = submission.value;
      const decision = dpiaTransitionDecision(m, activity, dpia.status, v.transition);
      if (decision === "forbidden") throw forbidden();
      if (decision === "invalid") {
        return data<ActionData>({ form: "transition", result: submission.reply(), alert: "dpia.errors.transition" }, { status: 400 });
      }
      await transitionDpia(ctx.user.id, ctx.org.id, dpia, v.version, v.transition, { validator: v.validator, reason: v.reason });
      return redirectWithToast(request, self, { type: "success", key: "dpia.transitioned" });
    }
    // Default: save the content (also the target of Conform's list intents without JavaScript).
    const submission = parseWithZod(formData, { schema: DpiaContentFormSchema });
    if (submission.status !== "success")
      return data<ActionData>({ form: "content", result: submission.reply(), alert: null }, { status: submission.status === "error" ? 400 : 200 });
    const v = submission.value;
    const answers = Object.fromEntries(
      Object.entries(v.answers).map(([q, a]) => {
        const before = dpia.answers[q as keyof typeof dpia.answers];
        const text = a.text ?? "";
        // The PIA tool's rich text stays attached; it is exported again only while it still reads as `text`.
        return [
          q,
          { text, prefilled: Boolean(before?.prefilled && before.text === text), toComplete: a.toComplete, ...(before?.html ? { html: before.html } : {}) },
        ];
      }),
    );
    const risks = Object.fromEntries(
      DPIA_RISKS.map((r) => {
        const { severityHtml, likelihoodHtml } = dpia.risks[r];
        return [
          r,
          {
            ...v.risks[r],
            impacts: v.risks[r].impacts ?? "",
            threats: v.risks[r].threats ?? "",
            sources: v.risks[r].sources ?? "",
            measures: v.risks[r].measures ?? "",
            ...(severityHtml ? { severityHtml } : {}),
            ...(likelihoodHtml ? { likelihoodHtml } : {}),
          },
        ];
      }),
    ) as typeof dpia.risks;
    await saveDpiaContent(ctx.user.id, ctx.org.id, dpia, v.version, { answers, risks, actionPlan: v.actionPlan });
    return redirectWithToast(request, self, { type: "success", key: "dpia.page.saved" });
  } catch (err) {
    // A stale revision, a refused transition: above the submitted form; a measure refused: above the measures.
    if (err instanceof DpiaMeasureError) return alertError(err, { form: "measures", result: undefined });
    return alertError(err, { form: String(intent ?? "content"), result: undefined });
  }
}
