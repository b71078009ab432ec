/**
 * The browser JavaScript of the register page (issue 13: "the client bundle of the register page is at least
 * 60 KB gzipped smaller"; both dictionaries used to reach every page as one 89 KB-gzipped chunk).
 *
 * Builds nothing: run `npx remix vite:build` first. Reads the build's manifest in `build/client/assets/manifest-*.js`
 * (`window.__remixManifest`: Remix's digest of Vite's manifest, kept in the build, where Vite's own
 * `.vite/manifest.json` is deleted by the Remix plugin). A page loads the client entry and, for each route it
 * matches (the register: `root` → `routes/o.$org` → `routes/o.$org.activities._index`, followed through
 * `parentId`), the route module and the chunks it imports; Remix preloads exactly these, plus the manifest file.
 * Sums the gzipped size (level 9) of each of those files once. Then looks for the dictionaries in that code:
 * a French or English message of the full dictionaries (longer than 30 characters, so that short words shared
 * with the code do not count) found in a file marks it as a locale chunk.
 *
 * Prints one JSON line last: register_page_js_gz_kb (what the page loads), locale_chunk_gz_kb (gzipped size
 * of the files holding dictionary messages), dictionary_messages_in_bundle, and the saving against the 89 KB
 * dictionary chunk the issue measured. Exits 1 when the build is missing or the route is not in it.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";
import { root } from "../helpers/paths.ts";

const REGISTER_ROUTE = "routes/o.$org.activities._index";
/** The dictionary chunk's gzipped size in issue 13, before only the active language was sent. */
const ISSUE_LOCALE_CHUNK_GZ_KB = 89;

type Chunk = { module: string; imports?: string[] };
type RemixManifest = { url?: string; entry: Chunk; routes: Record<string, Chunk & { id: string; parentId?: string }> };

const clientDir = path.join(root, "build", "client");
const assetsDir = path.join(clientDir, "assets");
const manifestName = fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir).find((f) => /^manifest-[\w-]+\.js$/.test(f)) : undefined;
if (!manifestName) {
  console.error("No build/client/assets/manifest-*.js: run `npx remix vite:build` first.");
  process.exit(1);
}
const manifestText = fs.readFileSync(path.join(assetsDir, manifestName), "utf8");
const json = /^window\.__remixManifest=(\{.*\});?\s*$/s.exec(manifestText)?.[1];
if (!json) {
  console.error(`${manifestName} is not a Remix manifest (window.__remixManifest={…}).`);
  process.exit(1);
}
const manifest = JSON.parse(json) as RemixManifest;

// The routes the register URL matches, from the root down.
const chain: string[] = [];
for (let id: string | undefined = REGISTER_ROUTE; id; id = manifest.routes[id]?.parentId) {
  if (!manifest.routes[id]) {
    console.error(`Route ${id} is not in the manifest.`);
    process.exit(1);
  }
  chain.unshift(id);
}

const files = new Set<string>([`/assets/${manifestName}`]);
for (const c of [manifest.entry, ...chain.map((id) => manifest.routes[id]!)]) {
  files.add(c.module);
  for (const i of c.imports ?? []) files.add(i);
}

const messages = [...new Set([...Object.values(fr), ...Object.values(en)])].filter((m) => m.length > 30);
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

let rawBytes = 0;
let gzBytes = 0;
let localeGzBytes = 0;
let messagesFound = 0;
const perFile: { file: string; raw_kb: number; gz_kb: number; dictionary_messages: number }[] = [];
for (const file of [...files].sort()) {
  const body = fs.readFileSync(path.join(clientDir, file.replace(/^\//, "")));
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
console.log(`routes: ${chain.join(" → ")}`);
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
