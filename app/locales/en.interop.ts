import type { frInterop } from "./fr.interop.ts";

export const enInterop: Record<keyof typeof frInterop, string> = {
  "dpia.pdf.runningHeader": "DPIA — {ref}",
  "dpia.measurePlaceholder": "Describe how the measure “{title}” is implemented for this processing.",
  "dpia.opinion.subjectsNames": "Concerned people consulted (names or representatives)",
  "dpia.opinion.subjectsFavourable": "Is the concerned people's opinion favourable?",
  "dpia.risk.severityText": "Why this severity",
  "dpia.risk.likelihoodText": "Why this likelihood",
  "exports.format.public_json": "JSON (public register, open data)",
  "exports.format.public_csv": "CSV (public register, open data)",
  "exports.channel.public": "public register",
  "verify.fingerprints":
    "Two fingerprints are accepted: the file's (SHA-256 of the file you received, computed when you drop it here) and the document fingerprint printed on PDF covers (SHA-256 of the register data at export time; page footers show its first 12 characters, also accepted).",
  "verify.matchFile": "File fingerprint recognised.",
  "verify.matchDocument": "Document fingerprint (PDF cover) recognised.",
  "errors.import.dpaFileMismatch":
    "The data processing agreement file of “{vendor}” ({file}) does not match its SHA-256 fingerprint or size, or is not a PDF: the JSON file was altered or truncated. Nothing was imported.",
  "public.computedTransfers": "Transfers outside the EEA deduced from the vendors",
  "public.computedTransfersHint": "Computed from the hosting and support locations and the sub-processors of the processing's vendors.",
  "public.toVerify": "Points the organisation still has to verify",
};
