import type { frLegalExports } from "./fr.legal-exports.ts";

/** Issue 10, second part: the legal facts in the exports (PDF, CSV/XLSX, import) and the prefilled keys. */
export const enLegalExports: Record<keyof typeof frLegalExports, string> = {
  "guided.key.domain": "Area of the processing",
  "guided.key.ledLegalBasis": "Legal basis (Law Enforcement Directive)",
  "guided.key.ledProfiling": "Profiling (Law Enforcement Directive)",
};
