import type { frInterop } from "./fr.interop.ts";

export const enInterop: Record<keyof typeof frInterop, string> = {
  "dpia.measurePlaceholder": "Describe how the measure “{title}” is implemented for this processing.",
  "dpia.opinion.subjectsNames": "Concerned people consulted (names or representatives)",
  "dpia.opinion.subjectsFavourable": "Is the concerned people's opinion favourable?",
  "dpia.risk.severityText": "Why this severity",
  "dpia.risk.likelihoodText": "Why this likelihood",
};
