/**
 * Resource route: the organization's own signed DPA (PDF) with a shared vendor it subscribes to, for its
 * members only (as a private vendor's DPA). Anyone else, the catalogue's owner included, gets a 404, as
 * does a subscription without a stored file.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readSubscriptionDpaFile } from "~/models/catalogue.server.ts";
import { notFound, requireOrgContext } from "~/http/auth.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const file = params.vendorId ? await readSubscriptionDpaFile(ctx.org.id, params.vendorId) : null;
  if (!file) throw notFound();
  const name = file.name.toLowerCase().endsWith(".pdf") ? file.name : `${file.name}.pdf`;
  return fileResponse(file.bytes, { fileName: name, contentType: "application/pdf" });
}
