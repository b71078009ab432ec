/**
 * Resource route: the vendor's signed DPA (PDF), for members of the organization only. Anyone else
 * gets a 404 (requireOrgContext), as does a vendor without a stored file.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readDpaFile } from "~/models/vendor.server.ts";
import { notFound, requireOrgContext } from "~/utils/auth.server.ts";

/** RFC 6266: an ASCII fallback plus the UTF-8 name (header values must be Latin-1). */
export function contentDisposition(name: string): string {
  const base = name.toLowerCase().endsWith(".pdf") ? name : `${name}.pdf`;
  const ascii = base.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9 ._()-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org);
  const file = params.vendorId ? await readDpaFile(ctx.org.id, params.vendorId) : null;
  if (!file) throw notFound();
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
