/**
 * The export log in words (issue 17): every format and every stored parameter of an export record
 * becomes a translated label, never a message key or a parameter code. An unknown format reads
 * "another format"; parameters that are not for people (fingerprint, anchor) are not listed.
 */
import type { T, Translator } from "./i18n.ts";

export function exportFormatLabel({ t, has }: Pick<Translator, "t" | "has">, format: string): string {
  const key = `exports.format.${format.replace(/-/g, "_")}`;
  return has(key) ? t(key) : t("exportLog.otherFormat");
}

const SCOPES = new Set(["all", "controller", "processor", "breaches"]);

/** Every stored export parameter in words: "Langue : français · Périmètre : Responsable…". */
export function exportParamLabels(t: T, date: (iso: string) => string, p: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (p.locale === "fr" || p.locale === "en") out.push(t("exportLog.language", { value: t(`exportLog.lang.${p.locale}`) }));
  if (typeof p.scope === "string" && SCOPES.has(p.scope))
    out.push(
      t("exportLog.scope", { value: t(p.scope === "breaches" ? "exportLog.scopeBreaches" : `exports.scope.${p.scope as "all" | "controller" | "processor"}`) }),
    );
  if (typeof p.asOf === "string" && p.asOf) out.push(t("exportLog.asOf", { date: date(p.asOf) }));
  if (typeof p.ref === "string" && p.ref) out.push(t("exportLog.ref", { ref: p.ref }));
  // Department names (what the register groups by), as chosen in the export form.
  const departments = Array.isArray(p.departments) ? p.departments.filter((d): d is string => typeof d === "string" && d.length > 0) : [];
  if (departments.length) out.push(t("exportLog.departments", { value: departments.join(", ") }));
  // Stored as the character (",", ";"); the form's names are accepted too.
  const separator = p.separator === "," || p.separator === "comma" ? "comma" : p.separator === ";" || p.separator === "semicolon" ? "semicolon" : null;
  if (separator) out.push(t("exportLog.separator", { value: t(`exports.separator.${separator}`) }));
  if (p.public === true) out.push(t("exportLog.public"));
  return out;
}
