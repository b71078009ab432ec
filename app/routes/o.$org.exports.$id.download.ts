import type { LoaderFunctionArgs } from "@remix-run/node";
import { getExport, readExportBytes } from "~/models/export-log.server.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import { EXPORT_CONTENT_TYPES, fileResponse } from "~/utils/file-response.server.ts";

/** Downloads a recorded export again (same bytes, same fingerprint). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "register:export");
  const rec = await getExport(ctx.org.id, params.id ?? "");
  const bytes = rec ? readExportBytes(rec.sha256) : null;
  if (!rec || !bytes) throw notFound();
  return fileResponse(bytes, { fileName: rec.fileName, contentType: EXPORT_CONTENT_TYPES[rec.format] ?? "application/octet-stream" });
}
