import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { emptyToUndefined, z } from "~/utils/validation.ts";

const QuerySchema = z.object({ asOf: z.preprocess(emptyToUndefined, z.iso.date().optional()) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "register:export");
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "asOf must be a date YYYY-MM-DD" }, { status: 400 });
  const data = await buildRegisterExport(ctx.org.id, { asOf: parsed.data.asOf, files: true });
  const name = `registre-${ctx.org.slug}${parsed.data.asOf ? `-au-${parsed.data.asOf}` : ""}.json`;
  return fileResponse(`${JSON.stringify(data, null, 2)}\n`, { fileName: name, contentType: "application/json; charset=utf-8", cache: "none" });
}
