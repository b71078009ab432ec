/**
 * Transfers computed from the vendors (a support team in a third country, a sub-processor…) that the
 * record does not declare itself: every export that lists transfers (JSON-LD, CSV, XLSX, public open
 * data, PDF) shows them beside the declared ones, so that no reader misses one.
 */
import type { ExportActivity } from "~/schemas/register-export.ts";

export type ComputedTransfer = ExportActivity["analysis"]["transfers"][number];

/** The computed transfers of an activity, less those it declares (same country and recipient). */
export function undeclaredComputedTransfers(a: {
  transfers: { country: string; recipient: string }[];
  analysis: { transfers: ComputedTransfer[] };
}): ComputedTransfer[] {
  const declared = new Set(a.transfers.map((t) => `${t.country}|${t.recipient}`));
  return a.analysis.transfers.filter((t) => t.source === "computed" && !declared.has(`${t.country}|${t.recipient}`));
}
