import type { frSovereignty } from "./fr.sovereignty.ts";

export const enSovereignty: Record<keyof typeof frSovereignty, string> = {
  "sovereignty.level.unknown": "Unknown: no vendor or hosting recorded",
  "sovereignty.level.eu": "EU-hosted and EU-controlled",
  "sovereignty.level.adequate": "Data sent to an adequate country",
  "sovereignty.level.to_verify": "To verify: a fact is missing to conclude",
  "sovereignty.level.foreign_law": "Exposed to a non-EU law",
  "sovereignty.level.safeguarded_transfer": "Safeguarded transfer outside the EEA",
  "sovereignty.level.derogation": "Transfer outside the EEA on a derogation (Art. 49)",
  "sovereignty.level.unsafeguarded_transfer": "Transfer outside the EEA without a safeguard",
  "sovereignty.levelHelp.unknown": "Record the activity's vendors and hosting to find out where its data goes.",
  "sovereignty.levelHelp.eu": "The data stays in the European Economic Area and no vendor in the chain is subject to a foreign access law.",
  "sovereignty.levelHelp.adequate":
    "Some data goes to a country the European Commission recognises as adequate (GDPR Art. 45), or to a DPF-certified US organisation.",
  "sovereignty.levelHelp.to_verify":
    'The recorded facts are not enough to conclude: the "To verify" list names what is missing. Until it is recorded, do not present this activity as safe.',
  "sovereignty.levelHelp.foreign_law":
    "Even if the data stays in Europe, a vendor or its parent company is subject to a state whose law can compel it to hand the data over.",
  "sovereignty.levelHelp.safeguarded_transfer":
    "Some data leaves for a country without an adequacy decision, under an Art. 46 tool (standard clauses, BCR, administrative arrangement) with its transfer impact assessment (TIA).",
  "sovereignty.levelHelp.derogation":
    "A transfer relies on an Art. 49(1) derogation: it is not a safeguard, it only covers occasional transfers and cannot support recurring hosting or support.",
  "sovereignty.levelHelp.unsafeguarded_transfer": "At least one transfer outside the EEA has no valid safeguard: regularise or stop it.",
  "sovereignty.transfer.adequate": "Adequate country",
  "sovereignty.transfer.adequate_certified": "Adequate (DPF-certified recipient)",
  "sovereignty.transfer.not_certified": "Adequate only if DPF-certified: recipient not certified, safeguard missing",
  "sovereignty.transfer.out_of_scope": "Recipient outside the scope of the adequacy decision",
  "sovereignty.transfer.safeguarded": "Art. 46 safeguard documented",
  "sovereignty.transfer.derogation": "Derogation (Art. 49), not a safeguard",
  "sovereignty.transfer.missing": "Safeguard missing",
  "sovereignty.transfer.refused_derogation": "Art. 49(1)(a)-(c) derogation unavailable to a public authority exercising its public powers (Art. 49(3))",
  "sovereignty.transfer.to_verify": "To verify",
  "sovereignty.reason.unknown": "No vendor, hosting or transfer is recorded for this activity.",
  "sovereignty.reason.countries": "The data may be in {count} countries: {list}.",
  "sovereignty.reason.euOnly": "All data stays in the EEA, with European vendors.",
  "sovereignty.reason.transfer.adequate": "{who}: data transferred {inCountry}, an adequate country (GDPR Art. 45).",
  "sovereignty.reason.transfer.adequate_certified": "{who}: data transferred {inCountry}, covered by {recipient}'s DPF certification (Decision 2023/1795).",
  "sovereignty.reason.transfer.not_certified":
    "{who}: data transferred {inCountry}, but {recipient} is not DPF-certified and no other safeguard is documented.",
  "sovereignty.reason.transfer.out_of_scope":
    "{who}: data transferred {inCountry}, but the recipient is outside the scope of the adequacy decision (a public authority, or the organization's own hosting): an Art. 46 tool is needed.",
  "sovereignty.reason.transfer.safeguarded": "{who}: data transferred {inCountry} under {safeguard} (GDPR Art. 46).",
  "sovereignty.reason.transfer.derogation":
    "{who}: data transferred {inCountry} on a derogation ({safeguard}, Art. 49(1)): not a safeguard, and valid only for an occasional transfer.",
  "sovereignty.reason.transfer.missing": "{who}: data transferred {inCountry} without a documented safeguard.",
  "sovereignty.reason.transfer.refused_derogation":
    "{who}: data transferred {inCountry} on a derogation ({safeguard}) that a public authority cannot use when exercising its public powers (Art. 49(3)).",
  "sovereignty.reason.transfer.to_verify": '{who}: data transferred {inCountry}; the conclusion depends on a fact to verify (see the "To verify" list).',
  "sovereignty.reason.transferIo.adequate": "{who}: transfer to an international organisation covered by an adequacy decision.",
  "sovereignty.reason.transferIo.adequate_certified": "{who}: transfer to an international organisation.",
  "sovereignty.reason.transferIo.not_certified": "{who}: transfer to an international organisation without a documented safeguard.",
  "sovereignty.reason.transferIo.out_of_scope": "{who}: transfer to an international organisation outside the scope of an adequacy decision.",
  "sovereignty.reason.transferIo.safeguarded": "{who}: transfer to an international organisation under {safeguard} (GDPR Art. 46).",
  "sovereignty.reason.transferIo.derogation":
    "{who}: transfer to an international organisation on a derogation ({safeguard}, Art. 49(1)), for an occasional transfer only.",
  "sovereignty.reason.transferIo.missing": "{who}: transfer to an international organisation without a documented safeguard.",
  "sovereignty.reason.transferIo.refused_derogation":
    "{who}: transfer to an international organisation on a derogation ({safeguard}) unavailable to a public authority exercising its public powers (Art. 49(3)).",
  "sovereignty.reason.transferIo.to_verify":
    "{who}: transfer to an international organisation; only the European Patent Organisation has an adequacy decision (2025): check the safeguard.",
  "sovereignty.reason.derogationStructural":
    "{who}: recurring hosting or support {inCountry} cannot rely on an Art. 49 derogation, which is for occasional transfers (EDPB Guidelines 2/2018): use an Art. 46 tool.",
  "sovereignty.reason.art49d":
    "{who}: the important-public-interest derogation (Art. 49(1)(d)) requires a public interest recognised in EU or French law (Art. 49(4)): cite that law.",
  "sovereignty.reason.missing.art49Point": "{who}: state which point of Art. 49(1) the transfer {inCountry} relies on.",
  "sovereignty.reason.missing.publicPowers":
    "{who}: the derogations in Art. 49(1)(a) to (c) are unavailable to a public authority exercising its public powers (Art. 49(3)): check that this activity is not such an exercise.",
  "sovereignty.reason.missing.publicInterestLaw": "{who}: cite the EU or French law that recognises the public interest relied on (Art. 49(4)).",
  "sovereignty.reason.missing.dpfCertification": "{who}: to verify: {recipient}'s DPF certification on dataprivacyframework.gov.",
  "sovereignty.reason.missing.usRecipient":
    "{who}: to verify: the organisation established in the United States that receives the data, and its DPF certification ({recipient} is not established in the US and cannot be certified).",
  "sovereignty.reason.missing.pipedaScope": "{who}: to verify: that the recipient {inCountry} is subject to PIPEDA (the only scope of Decision 2002/2/EC).",
  "sovereignty.reason.missing.appiScope":
    "{who}: to verify: that the recipient {inCountry} is a business operator under the APPI (the only scope of Decision 2019/419).",
  "sovereignty.reason.missing.recipientKind":
    "{who}: to verify: what kind of recipient {inCountry} this is (company, public authority), which the partial adequacy decision depends on.",
  "sovereignty.reason.missing.ioAdequacy": "{who}: to verify: the adequacy decision covering this international organisation.",
  "sovereignty.reason.missing.nonEuAccessCountry":
    "{who}: a non-EU entity has technical access; record its country as a support location to know which law reaches it.",
  "sovereignty.reason.tiaMissing": "{who}: the transfer impact assessment (TIA, EDPB Recommendations 01/2020) for the transfer {inCountry} has not been done.",
  "sovereignty.reason.exposure.establishment": "{vendor} is established {inCountry}: {laws} can compel it to hand over the data (chain: {chain}).",
  "sovereignty.reason.exposure.parent":
    "{vendor}'s parent company is established {inCountry}: {laws} can compel it to hand over the data, even when hosted in Europe (chain: {chain}).",
  "sovereignty.reason.exposure.noKnownLaw": "{vendor} is subject to the law of a third country ({country}); no access law is listed for it (chain: {chain}).",
  "sovereignty.reason.exposure.context":
    "In addition, {laws} lets the intelligence services {inCountry} collect data without the provider's cooperation; it does not compel the provider to hand data over.",
  "sovereignty.reason.secNumCloud.exposed":
    "{vendor} is declared SecNumCloud-qualified but is subject to the law {inCountry}: a contradiction. The § 19.6 immunity (SecNumCloud 3.2) requires a registered office and central administration in the EU; it does not protect here.",
  "sovereignty.reason.secNumCloud.immune":
    "{vendor} — {service}: SecNumCloud 3.2 qualified; immunity from non-EU law (§ 19.6) within the qualified scope only, never for downstream sub-processors.",
  "sovereignty.reason.secNumCloud.contradiction": "{vendor} — {service}: declared SecNumCloud-qualified, but the § 19.6 immunity does not apply: {facts}.",
  "sovereignty.reason.secNumCloud.to_verify": "{vendor} — {service}: declared SecNumCloud-qualified; the § 19.6 immunity is to verify: {facts}.",
  "sovereignty.toVerifyTitle": "To verify",
  "sovereignty.toVerifyLine": "{subject}{where}: {fact}",
  "sovereignty.fact.secNumCloudVersion": "version of the SecNumCloud referential (only 3.2 provides the § 19.6 immunity)",
  "sovereignty.fact.secNumCloudScope": "qualified scope stated by ANSSI",
  "sovereignty.fact.vendorOutsideEu": "the vendor's registered office is not in the EU",
  "sovereignty.fact.parentOutsideEu": "the parent company is established outside the EU",
  "sovereignty.fact.parentCountry": "country of the parent company",
  "sovereignty.fact.shareholding": "non-EU shareholding (limits of 24 % individually and 39 % together)",
  "sovereignty.fact.nonEuAccess": "technical access by a non-EU entity (support, remote administration)",
  "sovereignty.fact.locationOutsideEu": "a processing or support location is outside the EEA",
  "sovereignty.fact.providerOutsideEu": "a downstream sub-processor is subject to a non-EU state",
  "sovereignty.fact.secNumCloud.secNumCloudVersion": "SecNumCloud referential version of the qualification",
  "sovereignty.fact.secNumCloud.secNumCloudScope": "SecNumCloud qualified scope",
  "sovereignty.fact.secNumCloud.parentCountry": "country of the parent company (SecNumCloud immunity)",
  "sovereignty.fact.secNumCloud.shareholding": "non-EU shareholding within limits (24 % / 39 %, SecNumCloud 3.2 § 19.6)",
  "sovereignty.fact.secNumCloud.nonEuAccess": "no technical access by a non-EU entity (SecNumCloud 3.2 § 19.6)",
  "sovereignty.fact.art49Point": "point of Art. 49(1) relied on",
  "sovereignty.fact.publicPowers": "is the activity an exercise of public powers (Art. 49(3))?",
  "sovereignty.fact.publicInterestLaw": "law recognising the public interest (Art. 49(4))",
  "sovereignty.fact.dpfCertification": "the recipient's DPF certification (dataprivacyframework.gov)",
  "sovereignty.fact.usRecipient": "the US organisation receiving the data and its DPF certification",
  "sovereignty.fact.pipedaScope": "is the recipient subject to PIPEDA?",
  "sovereignty.fact.appiScope": "is the recipient a business operator under the APPI?",
  "sovereignty.fact.recipientKind": "kind of recipient (company, public authority, international organisation)",
  "sovereignty.fact.ioAdequacy": "adequacy decision for the international organisation",
  "sovereignty.fact.nonEuAccessCountry": "country of the non-EU entity with technical access",
} as const;
