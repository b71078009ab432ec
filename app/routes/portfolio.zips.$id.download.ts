/**
 * The finished ZIP of registers: for the user who started it (404 for anyone else), and only while they
 * may still export every register in it (403 once they lost one of its organizations).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getZipJob, mayDownloadZip, readZip } from "~/models/register-zip.server.ts";
import { forbidden, notFound } from "~/http/auth.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const job = await getZipJob(ctx.user.id, params.id ?? "");
  if (!job) throw notFound();
  if (!(await mayDownloadZip(ctx.user.id, job, ctx.platformAdmin))) throw forbidden();
  const bytes = readZip(job);
  if (!bytes) throw notFound();
  return fileResponse(bytes, { fileName: job.fileName, contentType: "application/zip" });
}
