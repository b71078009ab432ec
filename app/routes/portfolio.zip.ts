/**
 * Starts one ZIP of the PDF registers of the chosen organizations (the ticked rows, or every row the
 * filters keep), then shows its progress page. Organizations whose register the user's role may not
 * export (EDITOR) are left out (ADR 019).
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { startRegisterZip } from "~/models/register-zip.server.ts";
import { canZipRegister } from "~/policies/portfolio.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { portfolioView, requirePortfolio } from "~/http/portfolio-access.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export async function loader() {
  throw new Response("Method Not Allowed", { status: 405 });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const form = await readForm(request);
  const params = new URLSearchParams();
  for (const k of ["q", "kind", "dep", "group", "changed"]) {
    const v = form.get(k);
    if (typeof v === "string") params.set(k, v);
  }
  const chosen = new Set(form.getAll("org").filter((v): v is string => typeof v === "string"));
  const view = await portfolioView(ctx, params);
  const rows = view.rows.filter((r) => canZipRegister(r.role) && (chosen.size === 0 || chosen.has(r.slug)));
  if (rows.length === 0) return redirectWithToast(request, "/portfolio", { type: "error", key: "portfolio.zip.none" });
  const { job } = await startRegisterZip(
    ctx.user.id,
    rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name })),
    await getLocale(request),
  );
  throw redirect(`/portfolio/zips/${job.id}`);
}
