import type { frLegalExports } from "./fr.legal-exports.ts";

/** Issue 10, second part: the legal facts in the exports (PDF, CSV/XLSX, import) and the prefilled keys. */
export const enLegalExports: Record<keyof typeof frLegalExports, string> = {
  "guided.key.domain": "Area of the processing",
  "guided.key.ledLegalBasis": "Legal basis (Law Enforcement Directive)",
  "guided.key.ledProfiling": "Profiling (Law Enforcement Directive)",
  "tabular.transfer.recipientKind": "Kind of recipient",
  "tabular.transfer.art49Point": "Art. 49(1) point",
  "tabular.transfer.tiaDone": "TIA done",
  "tabular.transfer.dpfCertified": "DPF certified",
  "import.warn.unknownDomain": "Column “{column}”: unrecognised area “{value}”; the text is kept in the description.",
  "import.warn.badTransferDetail": "Column “{column}”: unreadable transfer detail “{value}”; the text is kept in the description.",
  "pdf.transfers.judged": "Assessment of the declared transfers and own hosting",
  "pdf.exposure.snc.none": "None (service not qualified)",
  "pdf.exposure.snc.immune": "Immune (qualified under 3.2, § 19.6 conditions met)",
  "pdf.exposure.snc.contradiction": "None: qualification declared but contradicted",
  "pdf.exposure.snc.to_verify": "To verify: qualification declared, facts missing",
  "pdf.annex.vendors.secNumCloudDetail": "{service}: SecNumCloud-qualified ({date}); version of the standard: {version}; qualified scope: {scope}",
};
