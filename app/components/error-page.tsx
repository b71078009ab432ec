/**
 * What an error page says (status, title, text), shared by the root error boundary and the error boundaries of
 * the main sections (activity, DPIA, vendor, import, exports). A section's boundary renders inside the
 * organization's layout, so the navigation stays, and offers a way back to that section (ADR 016).
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { Params, Translator } from "~/utils/i18n.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { useT } from "~/utils/use-i18n.ts";

export type ErrorText = { status: number; title: string; body: string };

export function errorText(error: unknown, { t, has }: Pick<Translator, "t" | "has">): ErrorText {
  let title = t("errors.unexpectedTitle");
  let body = t("errors.unexpectedBody");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 404) {
      title = t("errors.notFoundTitle");
      body = t("errors.notFoundBody");
    } else if (error.status === 403) {
      title = t("errors.forbiddenTitle");
      body = t("errors.forbiddenBody");
    } else if (error.status === 429) {
      title = t("errors.tooManyTitle");
      body = t("errors.tooManyBody");
    } else if (error.status === 503) {
      title = t("integrity.busyTitle");
      body = t("integrity.busyBody");
    }
    // A form refused while parsing (app/utils/form-limits.server.ts): its own translated message.
    const refused = (error.data as { integrity?: { key?: unknown; params?: Params } } | null)?.integrity;
    if (refused && typeof refused.key === "string" && has(refused.key)) {
      title = t(error.status === 413 ? "integrity.tooLargeTitle" : "integrity.formRefusedTitle");
      body = t(refused.key, refused.params);
    }
  }
  return { status, title, body };
}

export function ErrorMessage({ text, back }: { text: ErrorText; back: { to: string; label: string } }) {
  const { t } = useT();
  return (
    <div className="error-page" data-status={text.status}>
      <p className="error-code">{t("errors.code", { status: text.status })}</p>
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </div>
  );
}

/** The error boundary of a section: the translated message and a link back to `to`, named by `label`. */
export function SectionErrorBoundary({ to, label }: { to: string; label: MessageKey }) {
  const error = useRouteError();
  const translator = useT();
  return <ErrorMessage text={errorText(error, translator)} back={{ to, label: translator.t(label) }} />;
}
