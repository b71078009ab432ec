import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicRegister, recordPublicDownload } from "~/models/public-register.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { z } from "~/utils/validation.ts";

/** Open data: the public subset, codes rather than labels, readable by any site (CORS). */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .safeParse(params.slug);
  if (!slug.success) throw notFound();
  const reg = await getPublicRegister(slug.data);
  if (!reg) throw notFound();
  const bytes = Buffer.from(`${JSON.stringify({ schemaVersion: 1, generator: "Registre", ...reg }, null, 2)}\n`, "utf8");
  // Logged like every other export, so the file can be verified on /verify.
  await recordPublicDownload(slug.data, "public-json", bytes, `registre-public-${reg.organization.slug}.json`);
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
