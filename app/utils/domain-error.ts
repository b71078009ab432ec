/**
 * The common base of the errors the domain throws when it refuses a request it understood: a stale
 * revision, a rule of the law or of the workflow, a record outside the organization. Each carries
 * what the user should read (a message key and its params), where to show it (an optional form
 * field) and the HTTP status it maps to. Routes turn them into responses in one place,
 * `app/http/domain-errors.server.ts`; anything else thrown is a bug and stays a 500 (ADR 017).
 */
import type { MessageKey, Params } from "./i18n.ts";

/** A refusal is always a 4xx: the request was understood and nothing was written. */
export type DomainErrorStatus = 400 | 403 | 404 | 409 | 413 | 422;

export type DomainErrorOptions = {
  status: DomainErrorStatus;
  params?: Params;
  /** The Conform field the message belongs to; without it the message is shown above the form. */
  field?: string;
  /** The technical message (logs, CLI, tests); defaults to the key. */
  message?: string;
};

export class DomainError extends Error {
  readonly key: MessageKey;
  readonly status: DomainErrorStatus;
  readonly params: Params | undefined;
  readonly field: string | undefined;

  constructor(key: MessageKey, options: DomainErrorOptions) {
    super(options.message ?? key);
    this.name = new.target.name;
    this.key = key;
    this.status = options.status;
    this.params = options.params;
    this.field = options.field;
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
