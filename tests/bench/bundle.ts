/**
 * The browser JavaScript of the register page (issue 13: "the client bundle of the register page is at least
 * 60 KB gzipped smaller"; both dictionaries used to reach every page as one 89 KB-gzipped chunk).
 *
 * Builds nothing: run `npx remix vite:build` first. Reads Vite's manifest (`build/client/.vite/manifest.json`),
 * follows the static imports of the client entry and of every route module the register URL matches
 * (`root`, each flat-route parent that exists, `o.$org.activities._index`), and sums the gzipped size (level 9) of
 * each JavaScript file once. Then looks for the dictionaries in that code: a French or English message of the
 * full dictionaries (longer than 30 characters, so that short words shared with the code do not count) found in a
 * file marks it as a locale chunk.
 *
 * Prints one JSON line last: register_page_js_gz_kb (what the page loads), locale_chunk_gz_kb (gzipped size
 * of the files holding dictionary messages), dictionary_messages_in_bundle, and the saving against the 89 KB
 * dictionary chunk the issue measured. Exits 1 when the build is missing or a route module is not in it.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";
import { root } from "../helpers/paths.ts";

const REGISTER_ROUTE = "o.$org.activities._index";
/** The dictionary chunk's gzipped size in issue 13, before only the active language was sent. */
const ISSUE_LOCALE_CHUNK_GZ_KB = 89;

type ManifestEntry = { file: string; imports?: string[]; isEntry?: boolean; src?: string };

const clientDir = path.join(root, "build", "client");
const manifestFile = path.join(clientDir, ".vite", "manifest.json");
if (!fs.existsSync(manifestFile)) {
  console.error(`No ${path.relative(root, manifestFile)}: run \`npx remix vite:build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, ManifestEntry>;

/** The manifest key of a route module: a flat file or a folder's route.tsx. */
function routeKey(id: string): string | undefined {
  const candidates = [`app/routes/${id}.tsx`, `app/routes/${id}.ts`, `app/routes/${id}/route.tsx`, `app/routes/${id}/route.ts`];
  return candidates.find((k) => k in manifest);
}

// The register URL matches the root, then each flat-route parent that exists ("o", "o.$org", …), then the page.
const segments = REGISTER_ROUTE.split(".");
const chain: string[] = [];
for (let i = 1; i < segments.length; i++) {
  const key = routeKey(segments.slice(0, i).join("."));
  if (key) chain.push(key);
}
const page = routeKey(REGISTER_ROUTE);
const rootKey = ["app/root.tsx", "app/root.jsx"].find((k) => k in manifest);
const entryKey = Object.keys(manifest).find((k) => /entry\.client\.[jt]sx?$/.test(k));
if (!page || !rootKey || !entryKey) {
  console.error(`Missing from the manifest: ${[!page && REGISTER_ROUTE, !rootKey && "root", !entryKey && "entry.client"].filter(Boolean).join(", ")}`);
  process.exit(1);
}
const starts = [entryKey, rootKey, ...chain, page];

// Every file reached through static imports (dynamic imports load later, on demand).
const files = new Set<string>();
const visit = (key: string) => {
  const e = manifest[key];
  if (!e || files.has(e.file)) return;
  files.add(e.file);
  for (const i of e.imports ?? []) visit(i);
};
for (const s of starts) visit(s);

const messages = [...new Set([...Object.values(fr), ...Object.values(en)])].filter((m) => m.length > 30);
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

let rawBytes = 0;
let gzBytes = 0;
let localeGzBytes = 0;
let messagesFound = 0;
const perFile: { file: string; raw_kb: number; gz_kb: number; dictionary_messages: number }[] = [];
for (const file of [...files].sort()) {
  const body = fs.readFileSync(path.join(clientDir, file));
  const gz = gzipSync(body, { level: 9 }).byteLength;
  const text = body.toString("utf8");
  // Messages are escaped in JS strings (quotes, line breaks); compare the JSON-escaped form too.
  const found = messages.filter((m) => text.includes(m) || text.includes(JSON.stringify(m).slice(1, -1))).length;
  rawBytes += body.byteLength;
  gzBytes += gz;
  messagesFound += found;
  if (found > 0) localeGzBytes += gz;
  perFile.push({ file, raw_kb: kb(body.byteLength), gz_kb: kb(gz), dictionary_messages: found });
}

for (const f of perFile.sort((a, b) => b.gz_kb - a.gz_kb).slice(0, 8)) {
  console.log(`${f.gz_kb.toFixed(1).padStart(6)} KB gz  ${f.raw_kb.toFixed(1).padStart(7)} KB raw  ${f.dictionary_messages} messages  ${f.file}`);
}
console.log(`route modules: ${starts.join(" → ")}`);
console.log(
  JSON.stringify({
    route: REGISTER_ROUTE,
    files: files.size,
    register_page_js_raw_kb: kb(rawBytes),
    register_page_js_gz_kb: kb(gzBytes),
    locale_chunk_gz_kb: kb(localeGzBytes),
    dictionary_messages_in_bundle: messagesFound,
    dictionary_messages_checked: messages.length,
    issue_locale_chunk_gz_kb: ISSUE_LOCALE_CHUNK_GZ_KB,
    saved_vs_issue_locale_chunk_gz_kb: Math.round((ISSUE_LOCALE_CHUNK_GZ_KB - kb(localeGzBytes)) * 10) / 10,
  }),
);
