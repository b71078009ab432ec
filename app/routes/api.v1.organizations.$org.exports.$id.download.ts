import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getExport, readExportBytes } from "~/models/export-log.server.ts";
import { canExportRegister } from "~/policies/export.ts";
import { apiRequest, methodNotAllowed } from "~/http/api.server.ts";
import { EXPORT_CONTENT_TYPES, fileResponse } from "~/utils/file-response.server.ts";

/** A recorded export, again (same bytes, same fingerprint), as on the exports page. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    if (!canExportRegister(ctx.membership)) return ctx.problem(403, "forbidden");
    const rec = await getExport(ctx.org.id, params.id ?? "");
    const bytes = rec ? readExportBytes(rec.sha256) : null;
    if (!rec || !bytes) return ctx.problem(404, "not_found");
    return fileResponse(bytes, { fileName: rec.fileName, contentType: EXPORT_CONTENT_TYPES[rec.format] ?? "application/octet-stream" });
  });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, "GET");
}
