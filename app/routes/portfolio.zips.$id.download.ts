/** The finished ZIP of registers, for the user who started it only. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getZipJob, readZip } from "~/models/register-zip.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { requirePortfolio } from "~/http/portfolio-access.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const job = getZipJob(ctx.user.id, params.id ?? "");
  const bytes = job ? readZip(job) : null;
  if (!job || !bytes) throw notFound();
  return fileResponse(bytes, { fileName: job.fileName, contentType: "application/zip" });
}
