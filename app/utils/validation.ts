import { z } from "zod";

/**
 * Every Zod message is an i18n key (optionally "key|{json params}"), translated where it is shown.
 * This global map covers the issues a schema does not name itself.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === "" ? "errors.required" : "errors.invalid";
      case "too_small":
        if (issue.origin === "string" && issue.minimum === 1) return "errors.required";
        if (issue.origin === "string") return `errors.tooShort|${JSON.stringify({ min: Number(issue.minimum) })}`;
        if (issue.origin === "array") return `errors.tooFewItems|${JSON.stringify({ min: Number(issue.minimum) })}`;
        return `errors.tooSmall|${JSON.stringify({ min: Number(issue.minimum) })}`;
      case "too_big":
        if (issue.origin === "string") return `errors.tooLong|${JSON.stringify({ max: Number(issue.maximum) })}`;
        return `errors.tooBig|${JSON.stringify({ max: Number(issue.maximum) })}`;
      case "invalid_format":
        if (issue.format === "email") return "errors.email";
        if (issue.format === "url") return "errors.url";
        return "errors.invalid";
      case "invalid_value":
        return "errors.choice";
      default:
        return "errors.invalid";
    }
  },
});

/** Trims and turns an empty field into undefined, so optional fields stay optional. */
export const optionalText = (max = 500) => z.preprocess(blank, z.string().max(max).optional());

export const requiredText = (max = 200) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(max));

export const emailField = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email().max(254));

/** 12+ characters: long passphrases beat composition rules (ANSSI and NIST guidance). */
export const newPasswordField = z.string().min(12).max(200);

export const slugField = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "errors.slug");

/** SIREN numbers carry a Luhn check digit. */
export function isValidSiren(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(value[8 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const sirenField = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s+/g, "") : v),
  z
    .union([z.literal(""), z.string().refine(isValidSiren, "errors.siren")])
    .optional()
    .transform((v) => (v ? v : undefined)),
);

export const localeField = z.enum(["fr", "en"]);

/** Form preprocessing: a blank string is no value; other strings are trimmed. The one copy (issue 13). */
export function blank(v: string): string | undefined;
export function blank(v: unknown): unknown;
export function blank(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  return t === "" ? undefined : t;
}

/** `blank`, then a rewrite of the text that is left (an email in lower case, a code in upper case). */
export const blankThen =
  (rewrite: (s: string) => string) =>
  (v: unknown): unknown => {
    const b = blank(v);
    return typeof b === "string" ? rewrite(b) : b;
  };

/** Query-string preprocessing: an empty parameter (or null) is no value; others are kept as they are. */
export const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export { z };
