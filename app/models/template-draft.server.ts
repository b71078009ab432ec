/**
 * Starting a draft from the template library: the template's content in the user's language becomes
 * a new DRAFT, and every key it filled is marked prefilled until someone confirms it.
 */
import type { TemplateFile } from "~/schemas/template.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import type { Locale } from "~/utils/i18n.ts";
import { filledContentKeys, type ContentKey } from "~/domain/prefilled.ts";
import { createActivity, createActivityInUnit, type ActivityRecord } from "./activity.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

/** The draft's content and prefilled keys; `name` (optional) replaces the template's title. */
export function templateDraft(template: TemplateFile, locale: Locale, name?: string): { content: ActivityContent; prefilledPaths: ContentKey[] } {
  const source = template.content[locale];
  const content: ActivityContent = structuredClone(source);
  const trimmed = name?.trim();
  if (trimmed) content.name = trimmed;
  return { content, prefilledPaths: filledContentKeys(source) };
}

/**
 * Creates the draft. Permission (canCreateIn) is the caller's; an unknown department of the
 * organization throws ActivityNotFoundError (from createActivity).
 */
export function createDraftFromTemplate(
  actorId: string,
  organizationId: string,
  input: { template: TemplateFile; locale: Locale; departmentId: string | null; name?: string },
): Promise<ActivityRecord> {
  const { content, prefilledPaths } = templateDraft(input.template, input.locale, input.name);
  return createActivity(actorId, organizationId, { content, departmentId: input.departmentId, prefilledPaths });
}

/**
 * Several drafts at once (the "pick several templates" form), all in one department, in one
 * transaction: either every draft is created or none. Returns the new references in template order.
 */
export function createDraftsFromTemplates(
  actorId: string,
  organizationId: string,
  input: { templates: readonly TemplateFile[]; locale: Locale; departmentId: string | null },
): Promise<string[]> {
  return unitOfWork({ actorId, organizationId }, async (w) => {
    const refs: string[] = [];
    for (const template of input.templates) {
      const { content, prefilledPaths } = templateDraft(template, input.locale);
      refs.push((await createActivityInUnit(w, actorId, organizationId, { content, departmentId: input.departmentId, prefilledPaths })).ref);
    }
    return refs;
  });
}
