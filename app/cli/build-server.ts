/**
 * npm run build (second half): bundles the server, the command-line tools and the PDF worker with
 * esbuild into build/node/, so production runs them with plain `node` (no TypeScript loader, one copy
 * of each module). Dependencies stay in node_modules (native modules, Prisma's runtime).
 */
import path from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../utils/paths.ts";

export const BUNDLE_ENTRIES = {
  serve: "app/cli/start.ts",
  "pdf-worker": "app/documents/pdf-worker.ts",
  "cli/audit-verify": "app/cli/audit-verify.ts",
  "cli/export": "app/cli/export.ts",
  "cli/import": "app/cli/import.ts",
  "cli/demo": "app/cli/demo.ts",
  "cli/backup": "app/cli/backup.ts",
  "cli/restore": "app/cli/restore.ts",
} as const;

export async function buildServerBundle(outdir = path.join(projectRoot, "build", "node")) {
  const started = Date.now();
  await build({
    absWorkingDir: projectRoot,
    entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([out, src]) => [out, path.join(projectRoot, src)])),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    // Shared chunks: the CLIs and the server share the models instead of carrying a copy each.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    tsconfig: path.join(projectRoot, "tsconfig.json"),
    logLevel: "warning",
  });
  return { outdir, ms: Date.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { outdir, ms } = await buildServerBundle();
  console.log(`Server bundle: ${path.relative(projectRoot, outdir)}/ (${ms} ms)`);
}
