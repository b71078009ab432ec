import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicRegisterCsv } from "~/documents/open-data.ts";
import { getPublicRegister, recordPublicDownload } from "~/models/public-register.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { anonymousLocale } from "~/http/i18n.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { z } from "~/utils/validation.ts";

const QuerySchema = z.object({ lang: z.enum(["fr", "en"]).optional(), sep: z.enum(["comma", "semicolon"]).optional() });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .safeParse(params.slug);
  if (!slug.success) throw notFound();
  const reg = await getPublicRegister(slug.data);
  if (!reg) throw notFound();
  const q = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = (q.success && q.data.lang) || anonymousLocale(request);
  const sep = q.success && q.data.sep === "semicolon" ? ";" : ",";
  const bytes = publicRegisterCsv(reg, locale, sep);
  await recordPublicDownload(slug.data, "public-csv", bytes, `registre-public-${reg.organization.slug}.csv`);
  return fileResponse(bytes, {
    fileName: `registre-public-${reg.organization.slug}.csv`,
    contentType: "text/csv; charset=utf-8",
    cache: "public",
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}
