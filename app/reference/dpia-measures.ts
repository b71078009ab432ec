/** The library of common DPIA measures (app/reference/dpia-measures.json, versioned). */
import library from "./dpia-measures.json";

export type LibraryMeasure = { code: string; securityMeasure?: string; fr: string; en: string; textFr: string; textEn: string };
export const DPIA_MEASURES_VERSION: number = library.version;
export const DPIA_MEASURES: LibraryMeasure[] = library.measures;

export function libraryMeasure(code: string | undefined): LibraryMeasure | undefined {
  return code ? DPIA_MEASURES.find((m) => m.code === code) : undefined;
}
