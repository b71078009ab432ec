import { type ActionFunctionArgs } from "@remix-run/node";
import { createExport } from "~/models/exports.server.ts";
import { ExportRequestSchema } from "~/schemas/export-request.ts";
import { toastError } from "~/http/domain-errors.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { EXPORT_CONTENT_TYPES, fileResponse } from "~/utils/file-response.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";

export async function loader() {
  throw new Response("Method Not Allowed", { status: 405 });
}

/** Generates, records and downloads an export; the browser stays on the exports page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "register:export");
  const form = await readForm(request);
  const parsed = ExportRequestSchema.safeParse({ ...Object.fromEntries(form), departments: form.getAll("departments") });
  const back = `/o/${ctx.org.slug}/exports`;
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message.split("|")[0] ?? "errors.invalid";
    return redirectWithToast(request, back, { type: "error", key: key === "errors.refRequired" || key === "errors.date" ? key : "errors.invalid" });
  }
  const v = parsed.data;
  try {
    const { bytes, fileName } = await createExport(
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
      "ui",
    );
    return fileResponse(bytes, { fileName, contentType: EXPORT_CONTENT_TYPES[v.format] ?? "application/octet-stream" });
  } catch (err) {
    return toastError(err, request, back);
  }
}
