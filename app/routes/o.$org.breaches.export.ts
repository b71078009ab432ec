/**
 * GET ?format=pdf|csv|xlsx: the breach register, recorded in the export log like every export (so it
 * can be shared with the CNIL through a share link that gives access to this file only).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { breachRegisterCsv, breachRegisterDoc, breachRegisterXlsx } from "~/documents/breach-register.ts";
import { renderPdfOffThread } from "~/documents/pdf-runner.server.ts";
import { breachRegisterRows } from "~/models/breach.server.ts";
import { recordExport } from "~/models/export-log.server.ts";
import { canDraftBreach } from "~/policies/breach.ts";
import { forbidden } from "~/http/auth.server.ts";
import { breachActor, requireBreachRegister } from "~/http/breach-access.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { z } from "~/utils/validation.ts";

const QuerySchema = z.object({ format: z.enum(["pdf", "csv", "xlsx"]), lang: z.enum(["fr", "en"]).optional() });
const TYPES = { pdf: "application/pdf", csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireBreachRegister(request, params.org);
  if (!canDraftBreach(breachActor(ctx))) throw forbidden();
  const q = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) throw new Response("Bad Request", { status: 400 });
  const locale = q.data.lang ?? (await getLocale(request));
  const now = new Date();
  const rows = await breachRegisterRows(ctx.org.id);
  const bytes =
    q.data.format === "csv"
      ? breachRegisterCsv(rows, locale)
      : q.data.format === "xlsx"
        ? await breachRegisterXlsx(rows, locale, now)
        : await renderPdfOffThread({
            kind: "text",
            data: breachRegisterDoc(rows, ctx.org.name, locale, now),
            opts: { locale, generatedAt: now.toISOString(), draft: false },
          });
  const fileName = `registre-violations-${ctx.org.slug}-${now.toISOString().slice(0, 10)}.${q.data.format}`;
  await recordExport({
    organizationId: ctx.org.id,
    actorId: ctx.user.id,
    format: `breach-${q.data.format}`,
    params: { locale, scope: "breaches" },
    bytes,
    fileName,
    channel: "ui",
  });
  return fileResponse(bytes, { fileName, contentType: TYPES[q.data.format], cache: "none" });
}
