/** The template library: every templates/*.json, parsed once and cached (the files ship with the app). */
import fs from "node:fs";
import path from "node:path";
import { parseTemplateFile, TemplateFileError, type TemplateFile } from "~/schemas/template.ts";
import { projectRoot } from "~/utils/paths.ts";

export const TEMPLATES_DIR = path.join(projectRoot, "templates");

const cache = new Map<string, readonly TemplateFile[]>();

/**
 * Reads and validates every template file of `dir`, sorted by id. Throws an Error naming the file and
 * its issues if any file is invalid (or not JSON), so a broken library fails at start-up and in tests.
 */
export function loadTemplates(dir: string = TEMPLATES_DIR): readonly TemplateFile[] {
  const key = path.resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const files = fs
    .readdirSync(key)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const templates = files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(key, file), "utf8"));
    } catch (error) {
      throw new TemplateFileError(file, [`(file): not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
    }
    return parseTemplateFile(json, file);
  });
  const list = Object.freeze(templates);
  cache.set(key, list);
  return list;
}

/** One template by id, or undefined. */
export function findTemplate(id: string, dir?: string): TemplateFile | undefined {
  return loadTemplates(dir).find((t) => t.id === id);
}

/** For tests and tools that rewrite the files. */
export function clearTemplateCache(): void {
  cache.clear();
}
