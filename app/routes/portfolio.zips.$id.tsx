/**
 * Progress of a register ZIP. Without JavaScript the page reloads itself every 2 seconds (meta
 * refresh) while the job runs; a reload link does the same by hand. A failed job (a restart cut it
 * short, or no register could be rendered) offers to start the same ZIP again.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getZipJob, mayDownloadZip, ZIP_RETENTION_DAYS } from "~/models/register-zip.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const job = await getZipJob(ctx.user.id, params.id ?? "");
  if (!job) throw notFound();
  const done = job.organizations.filter((o) => o.state !== "waiting").length;
  return {
    id: job.id,
    state: job.state,
    failReason: job.failReason,
    total: job.organizations.length,
    done,
    organizations: job.organizations.map((o) => ({ slug: o.slug, name: o.name, state: o.state })),
    size: job.size,
    mayDownload: job.state === "done" && (await mayDownloadZip(ctx.user.id, job, ctx.platformAdmin)),
    retentionDays: ZIP_RETENTION_DAYS,
  };
}

export const meta: MetaFunction<typeof loader> = (args) => [
  ...titleMeta(args.matches, "portfolio.zip.title"),
  ...(args.data?.state === "running" ? [{ httpEquiv: "refresh", content: "2" } as const] : []),
];

export default function ZipProgress() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page">
      <h1>{t("portfolio.zip.title")}</h1>
      <p role="status">
        {d.state === "running"
          ? t("portfolio.zip.running", { done: d.done, total: d.total })
          : d.state === "done"
            ? t("portfolio.zip.done", { total: d.total })
            : d.failReason === "interrupted"
              ? t("zipJobs.interrupted")
              : t("portfolio.zip.failed")}
      </p>
      <progress max={d.total} value={d.done} aria-label={t("portfolio.zip.progress")}>
        {d.done}/{d.total}
      </progress>
      {d.state === "running" ? (
        <p>
          <Link to={`/portfolio/zips/${d.id}`} reloadDocument>
            {t("portfolio.zip.reload")}
          </Link>
        </p>
      ) : null}
      {d.state === "done" && d.mayDownload ? (
        <>
          <p>
            <a href={`/portfolio/zips/${d.id}/download`} className="button primary" download>
              {t("portfolio.zip.download")}
            </a>
          </p>
          <p className="muted">{t("zipJobs.retention", { days: d.retentionDays })}</p>
        </>
      ) : null}
      {d.state === "done" && !d.mayDownload ? <p role="alert">{t("zipJobs.noLongerAllowed")}</p> : null}
      {d.state === "failed" ? (
        // The same organizations again; the start action re-checks each against the portfolio.
        <Form method="post" action="/portfolio/zip" reloadDocument>
          {d.organizations.map((o) => (
            <input key={o.slug} type="hidden" name="org" value={o.slug} />
          ))}
          <button type="submit" className="button primary">
            {t("zipJobs.restart")}
          </button>
        </Form>
      ) : null}
      <ul>
        {d.organizations.map((o) => (
          <li key={o.slug}>
            <Link to={`/o/${o.slug}/exports`}>{o.name}</Link> — {t(`portfolio.zip.state.${o.state}`)}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/portfolio">{t("portfolio.back")}</Link>
      </p>
    </div>
  );
}
