/**
 * Resource route: the vendor's signed DPA (PDF), for members of the organization only. Anyone else
 * gets a 404 (requireOrgContext), as does a vendor without a stored file.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readDpaFile } from "~/models/vendor.server.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const file = params.vendorId ? await readDpaFile(ctx.org.id, params.vendorId) : null;
  if (!file) throw notFound();
  const name = file.name.toLowerCase().endsWith(".pdf") ? file.name : `${file.name}.pdf`;
  return fileResponse(file.bytes, { fileName: name, contentType: "application/pdf" });
}
