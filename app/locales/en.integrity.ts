import type { frIntegrity } from "./fr.integrity.ts";

export const enIntegrity: Record<keyof typeof frIntegrity, string> = {
  "integrity.busyTitle": "Service temporarily busy",
  "integrity.busyBody": "Another operation (an import, a backup) is writing. Nothing was saved: try again in a few seconds.",
  "integrity.tooLargeTitle": "Request too large",
  "integrity.tooLargeBody": "The data sent exceeds the allowed size ({max}). Nothing was saved.",
  "integrity.formRefusedTitle": "Form refused",
  "integrity.formTooLarge": "The form is too large (at most {max} fields). Nothing was saved.",
  "integrity.formIndexOutOfRange": "The field “{field}” has more items than allowed (at most {max}). Nothing was saved.",
  "integrity.formTooDeep": "The field “{field}” is nested too deeply. Nothing was saved.",
  "integrity.formValueTooLong": "The field “{field}” is too long (at most {max} characters). Nothing was saved.",
  "integrity.formBadBody": "The form could not be read. Nothing was saved.",
  "integrity.backHome": "Back to the home page",
};
