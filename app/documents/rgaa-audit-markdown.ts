/**
 * docs/accessibility/rgaa-audit.md from app/reference/rgaa-audit.ts: the counts of the "Result" section
 * and the whole "Criteria" section are generated; the prose above them (scope, method, fixes) is kept
 * as written. `npx tsx app/cli/rgaa-audit-doc.ts` rewrites the file; a unit test checks it is current.
 */
import { RGAA_AUDIT, rgaaConformanceRate, type RgaaStatus } from "~/reference/rgaa-audit.ts";

const THEMES = [
  "Images",
  "Frames",
  "Colours",
  "Multimedia",
  "Tables",
  "Links",
  "Scripts",
  "Mandatory elements",
  "Information structure",
  "Presentation of information",
  "Forms",
  "Navigation",
  "Consultation",
];

function criteriaSection(): string {
  const parts = ["## Criteria\n"];
  THEMES.forEach((name, i) => {
    const rows = RGAA_AUDIT.filter((c) => c.id.startsWith(`${i + 1}.`));
    parts.push(
      `\n### ${i + 1}. ${name}\n\n| Criterion | Result | Evidence |\n|---|---|---|\n` +
        rows.map((c) => `| ${c.id} | ${c.status} | ${c.evidence.replace(/\|/g, "\\|")} |\n`).join(""),
    );
  });
  return parts.join("");
}

/** `current` with its result counts, rate and criteria table regenerated from the recorded audit. */
export function renderRgaaAuditMarkdown(current: string): string {
  const count = (s: RgaaStatus) => RGAA_AUDIT.filter((c) => c.status === s).length;
  const start = current.indexOf("## Criteria");
  if (start < 0) throw new Error("rgaa-audit.md has no '## Criteria' section");
  return (
    current
      .slice(0, start)
      .replace(/- Conformant \(C\): \d+/, `- Conformant (C): ${count("C")}`)
      .replace(/- Not conformant \(NC\): \d+/, `- Not conformant (NC): ${count("NC")}`)
      .replace(/- Not applicable \(NA\): \d+/, `- Not applicable (NA): ${count("NA")}`)
      .replace(/\*\*Conformance rate: \d+ %\*\*/, `**Conformance rate: ${rgaaConformanceRate()} %**`) + criteriaSection()
  );
}
