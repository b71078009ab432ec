/**
 * Progress of a register ZIP. Without JavaScript the page reloads itself every 2 seconds (meta
 * refresh) while the job runs; a reload link does the same by hand.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getZipJob } from "~/models/register-zip.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";
import { useT } from "~/utils/use-i18n.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const job = getZipJob(ctx.user.id, params.id ?? "");
  if (!job) throw notFound();
  const done = job.organizations.filter((o) => o.state !== "waiting").length;
  return {
    id: job.id,
    state: job.state,
    total: job.organizations.length,
    done,
    organizations: job.organizations.map((o) => ({ slug: o.slug, name: o.name, state: o.state })),
    size: job.size,
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
      {d.state === "done" ? (
        <p>
          <a href={`/portfolio/zips/${d.id}/download`} className="button primary" download>
            {t("portfolio.zip.download")}
          </a>
        </p>
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
