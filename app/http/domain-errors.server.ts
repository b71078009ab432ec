/**
 * The one place where domain refusals (`DomainError`, ADR 017) become HTTP answers. Routes call these
 * helpers in their `catch`; anything that is not a DomainError is rethrown (a bug stays a 500), and
 * `entry.server.tsx` answers a DomainError no route caught with `domainErrorPage`, so bad input never
 * gives a 500.
 *
 * - a 404 is thrown as the not-found answer and a 403 as the forbidden one, as everywhere else;
 * - a Conform form shows the message on its field, or above the form (`formError`);
 * - a button in a list comes back to its page with the message as a toast (`toastError`);
 * - with no form to carry it, a small translated page with the error's status (`domainErrorPage`).
 */
import { data } from "@remix-run/node";
import { forbidden, notFound } from "./auth.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { errorPageResponse } from "~/utils/error-page.server.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

/** The part of a Conform submission (or of any object with the same `reply`) the helpers use. */
type Replies<R> = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): R };

/**
 * The error as a DomainError to show. Rethrows anything else, throws the not-found answer for a 404
 * and the forbidden one for a 403 (another organization's record is not disclosed).
 */
export function domainError(err: unknown): DomainError {
  if (!(err instanceof DomainError)) throw err;
  if (err.status === 404) throw notFound();
  if (err.status === 403) throw forbidden();
  return err;
}

/** Conform reply options: the message on the error's field, or above the form. */
export function replyOptions(e: DomainError): { fieldErrors: Record<string, string[]> } | { formErrors: string[] } {
  return e.field ? { fieldErrors: { [e.field]: [e.key] } } : { formErrors: [e.key] };
}

/** An action's answer to a refused Conform submission: `{ ...extra, result }` with the error's status. */
export function formError<R, X extends object = Record<never, never>>(err: unknown, submission: Replies<R>, extra?: X) {
  const e = domainError(err);
  return data({ ...(extra as X), result: submission.reply(replyOptions(e)) }, { status: e.status });
}

/** An action's answer for a page that shows one alert message (no field): `{ ...extra, alert }` with the error's status. */
export function alertError<X extends object = Record<never, never>>(err: unknown, extra?: X) {
  const e = domainError(err);
  return data({ ...(extra as X), alert: e.key as MessageKey }, { status: e.status });
}

/** A refused button of a list (delete, remove): back to `back` with the message as an error toast. */
export function toastError(err: unknown, request: Request, back: string): Response {
  const e = domainError(err);
  return redirectWithToast(request, back, { type: "error", key: e.key, ...(e.params ? { params: e.params } : {}) });
}

const TITLES: Partial<Record<DomainError["status"], MessageKey>> = {
  403: "errors.forbiddenTitle",
  404: "errors.notFoundTitle",
  409: "domainErrors.conflictTitle",
  413: "integrity.tooLargeTitle",
};

/** A translated page with the error's status, for a refusal no form can carry. */
export function domainErrorPage(request: Request, e: DomainError): Response {
  return errorPageResponse(request, e.status, TITLES[e.status] ?? "domainErrors.refusedTitle", e.key, e.params);
}
