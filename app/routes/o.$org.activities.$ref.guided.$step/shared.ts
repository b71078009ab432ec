/** What the guided step's page and its step sections share: the step URL, the loader data and the form's types. */
import { type useLoaderData } from "@remix-run/react";
import { type GuidedStep } from "~/domain/guided.ts";
import type { loader } from "./guided.server.ts";

export const stepPath = (org: string, ref: string, step: GuidedStep) => `/o/${org}/activities/${ref}/guided/${step}`;

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export type GuidedPath =
  | "name"
  | "description"
  | "departmentId"
  | "internalContact"
  | "implementationDate"
  | "rights.exercise"
  | "rights.information"
  | "nextReviewAt"
  | "purposes.main"
  | "purposes.sub"
  | "dataSubjects.category"
  | "dataSubjects.description"
  | "dataSubjects.estimatedCount"
  | "dataCategories.category"
  | "dataCategories.description"
  | "dataCategories.source"
  | "legalBases.basis"
  | "legalBases.text"
  | "legalBases.purpose"
  | "art9Conditions.condition"
  | "art9Conditions.text"
  | "art10Basis"
  | "dataCategories.retention.activePeriod"
  | "dataCategories.retention.intermediatePeriod"
  | "dataCategories.retention.finalFate"
  | "dataCategories.retention.rule"
  | "recipients.type"
  | "recipients.name"
  | "transfers.country"
  | "transfers.recipient"
  | "transfers.safeguard"
  | "transfers.documentationUrl"
  | "securityMeasures.measure"
  | "securityMeasures.details";

export type ListKey = "purposes.sub" | "dataSubjects" | "dataCategories" | "legalBases" | "art9Conditions" | "recipients" | "transfers" | "securityMeasures";

export function asRows(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? (x as Record<string, unknown>) : {})) : [];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform's metadata of the current step.
export type StepProps = { c: Record<string, any>; form: any };
