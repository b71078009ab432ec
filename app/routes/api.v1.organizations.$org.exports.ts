import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listExports } from "~/models/export-log.server.ts";
import { createExport, UnknownActivityError } from "~/models/exports.server.ts";
import { canExportRegister } from "~/policies/export.ts";
import { ExportCreateSchema, type ExportListSchema } from "~/schemas/api.ts";
import { ONE_ACTIVITY_FORMATS } from "~/schemas/export-request.ts";
import { apiJson, apiRequest, methodNotAllowed, readJsonBody } from "~/http/api.server.ts";
import { EXPORT_CONTENT_TYPES, fileResponse } from "~/utils/file-response.server.ts";
import type { z } from "~/utils/validation.ts";

/** The export log, for those who may export (as the exports page). */
export function loader({ request, params }: LoaderFunctionArgs) {
  return apiRequest(request, { org: params.org }, async (ctx) => {
    if (!canExportRegister(ctx.membership)) return ctx.problem(403, "forbidden");
    const rows = await listExports(ctx.org.id);
    const body: z.output<typeof ExportListSchema> = {
      items: rows.map((r) => ({
        id: r.id,
        format: r.format,
        fileName: r.fileName,
        size: r.size,
        sha256: r.sha256,
        channel: r.channel,
        createdAt: r.createdAt.toISOString(),
        actor: r.actor,
      })),
    };
    return apiJson(body);
  });
}

/**
 * A new export, rendered, recorded in the export log (channel "api") and answered as the file.
 * Making an export changes nothing in the register, so a read-only token may do it.
 */
export function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed(request, "GET, POST");
  return apiRequest(request, { org: params.org }, async (ctx) => {
    if (!canExportRegister(ctx.membership)) return ctx.problem(403, "forbidden");
    const v = await readJsonBody(ctx, ExportCreateSchema);
    if (ONE_ACTIVITY_FORMATS.includes(v.format) && !v.ref) {
      return ctx.problem(422, "validation_failed", { issues: [{ path: "ref", message: "required for this format" }] });
    }
    try {
      const { record, bytes, fileName } = await createExport(
        ctx.org.id,
        ctx.user.id,
        {
          format: v.format,
          locale: v.locale,
          scope: v.scope,
          asOf: v.asOf,
          departments: v.departments.length ? v.departments : null,
          ref: v.ref,
          separator: v.separator === "semicolon" ? ";" : ",",
        },
        "api",
      );
      const res = fileResponse(bytes, { fileName, contentType: EXPORT_CONTENT_TYPES[v.format] ?? "application/octet-stream" });
      const headers = new Headers(res.headers);
      headers.set("Location", `/api/v1/organizations/${ctx.org.slug}/exports/${record.id}/download`);
      headers.set("X-Export-Id", record.id);
      return new Response(res.body, { status: 201, headers });
    } catch (err) {
      if (err instanceof UnknownActivityError) return ctx.problem(422, "validation_failed", { issues: [{ path: "ref", message: "unknown activity" }] });
      throw err;
    }
  });
}
