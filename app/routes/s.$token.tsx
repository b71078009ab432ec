import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useParams, useSearchParams } from "@remix-run/react";
import { peekShareLink } from "~/models/export-log.server.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { exportFormatLabel } from "~/utils/export-log-labels.ts";
import { useT } from "~/utils/use-i18n.ts";

export const meta: MetaFunction = () => [{ title: "Registre" }, { name: "robots", content: "noindex" }];

const STATUS = { open: 200, expired: 410, revoked: 410, not_found: 404 } as const;

/** The share page: who shared what with whom; the download itself is /s/:token/file. */
export async function loader({ params }: LoaderFunctionArgs) {
  const r = await peekShareLink(params.token ?? "");
  return data(r, { status: STATUS[r.status] });
}

const ERRORS: Record<string, MessageKey> = { wrong_passphrase: "share.wrongPassphrase", throttled: "share.throttled" };
const CLOSED: Record<string, MessageKey> = { expired: "share.expired", revoked: "share.revoked", not_found: "share.notFound" };

export default function SharedDocument() {
  const r = useLoaderData<typeof loader>();
  const { token } = useParams();
  const [search] = useSearchParams();
  const i18n = useT();
  const { t, date } = i18n;
  const error = ERRORS[search.get("error") ?? ""];
  if (r.status !== "open") {
    return (
      <div className="narrow">
        <h1>{"organization" in r ? t("share.title", { organization: r.organization }) : t("share.notFound")}</h1>
        <div className="callout warning" role="alert">
          <p>{t(CLOSED[r.status]!)}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("share.title", { organization: r.organization })}</h1>
      <p className="lead">{t("share.intro", { recipient: r.recipient })}</p>
      <p>
        {r.fileName} — {exportFormatLabel(i18n, r.format)} — {t("exports.shareActive", { date: date(r.expiresAt, true) })}
      </p>
      {error ? (
        <div className="form-errors" role="alert">
          <p>{t(error)}</p>
        </div>
      ) : null}
      <Form method="post" action={`/s/${token}/file`} reloadDocument className="stack">
        {r.passphrase ? (
          <div className="field">
            <label htmlFor="share-passphrase">{t("share.passphrase")}</label>
            <input id="share-passphrase" name="passphrase" type="password" autoComplete="off" required />
          </div>
        ) : null}
        <button type="submit" className="button primary">
          {t("share.open")}
        </button>
      </Form>
    </div>
  );
}
