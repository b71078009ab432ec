/** The portfolio table as CSV or XLSX: the same filters and sort as the page, every page at once (ADR 019). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { portfolioCsv, portfolioXlsx } from "~/documents/portfolio-table.ts";
import { fileResponse } from "~/utils/file-response.server.ts";
import { getLocale } from "~/http/i18n.server.ts";
import { portfolioView, requirePortfolio } from "~/http/portfolio-access.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requirePortfolio(request);
  const url = new URL(request.url);
  const format = url.searchParams.get("format");
  if (format !== "csv" && format !== "xlsx") throw new Response("Bad Request", { status: 400 });
  const locale = await getLocale(request);
  const view = await portfolioView(ctx, url.searchParams);
  const now = new Date();
  const stamp = now.toISOString().slice(0, 10);
  if (format === "csv") return fileResponse(portfolioCsv(view.rows, locale), { fileName: `portefeuille-${stamp}.csv`, contentType: "text/csv; charset=utf-8" });
  return fileResponse(await portfolioXlsx(view.rows, locale, now), {
    fileName: `portefeuille-${stamp}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
