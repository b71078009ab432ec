import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, whether running from app/ (tsx, vitest) or from build/server/ (bundled). */
function findRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const marker = `${path.sep}build${path.sep}`;
  const appMarker = `${path.sep}app${path.sep}`;
  if (here.includes(marker)) return here.slice(0, here.lastIndexOf(marker));
  if ((here + path.sep).includes(appMarker)) return here.slice(0, (here + path.sep).lastIndexOf(appMarker));
  return process.cwd();
}

export const projectRoot = findRoot();

export const DEFAULT_DATABASE_URL = "file:./data/registre.db";

/** SQLite URLs are relative to the project root, so every command agrees on the file. */
export function resolveDatabaseUrl(url: string | undefined): { url: string; file: string } {
  const raw = url && url.length > 0 ? url : DEFAULT_DATABASE_URL;
  if (!raw.startsWith("file:")) throw new Error(`DATABASE_URL must be an SQLite "file:" URL, got "${raw}"`);
  const rest = raw.slice("file:".length).split("?")[0]!;
  if (rest === ":memory:") return { url: raw, file: rest };
  const file = path.isAbsolute(rest) ? rest : path.resolve(projectRoot, rest);
  return { url: `file:${file}`, file };
}
