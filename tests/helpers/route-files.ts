/**
 * The files under app/routes, as Remix's flat routes read them (ADR 016): a file directly in app/routes is a
 * route module; a folder is a route when it holds `route.tsx` (or `route.ts`), and its other files are the
 * route's own sections and helpers, not routes.
 */
import fs from "node:fs";
import path from "node:path";
import { root } from "./paths.ts";

export const routesDir = path.join(root, "app", "routes");

export type RouteModule = {
  /** The route's name as in the URL pattern: "o.$org.vendors.$vendorId" (file or folder name, no extension). */
  id: string;
  /** Absolute path of the module (the flat file, or the folder's route.tsx). */
  file: string;
};

const SOURCE = /\.(ts|tsx)$/;

export function routeModules(): RouteModule[] {
  const out: RouteModule[] = [];
  for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
    const p = path.join(routesDir, entry.name);
    if (entry.isDirectory()) {
      const main = ["route.tsx", "route.ts"].map((f) => path.join(p, f)).find((f) => fs.existsSync(f));
      if (main) out.push({ id: entry.name, file: main });
    } else if (SOURCE.test(entry.name)) {
      out.push({ id: entry.name.replace(SOURCE, ""), file: p });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every .ts/.tsx file under app/routes, route modules and their colocated files. */
export function routeSourceFiles(dir = routesDir): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeSourceFiles(p));
    else if (SOURCE.test(entry.name)) out.push(p);
  }
  return out.sort();
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
export function importSpecifiers(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
  for (const m of source.matchAll(re)) specs.push(m[1]!);
  return specs;
}

/** The file a specifier points to (alias "~/" = app/), or null for a package. */
export function resolveSpecifier(fromFile: string, spec: string): string | null {
  if (spec.startsWith("~/")) return path.join(root, "app", spec.slice(2));
  if (spec.startsWith(".")) return path.resolve(path.dirname(fromFile), spec);
  return null;
}

/**
 * Imports of `file` that reach another route: a flat route file, another folder route's route.tsx, or any file
 * of another route's folder. A folder route's own files (its sections and helpers) are allowed.
 */
export function importsOfOtherRoutes(file: string, source: string): string[] {
  const ownFolder = path.dirname(file) === routesDir ? null : path.join(routesDir, path.relative(routesDir, file).split(path.sep)[0]!);
  return importSpecifiers(source).filter((spec) => {
    const target = resolveSpecifier(file, spec);
    if (!target) return false;
    const rel = path.relative(routesDir, target);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return false; // outside app/routes
    if (ownFolder === null) return true; // a flat route imports nothing under app/routes
    const inOwnFolder = !path.relative(ownFolder, target).startsWith("..");
    // Its own route module is not a shared helper either (that would be a cycle through the route).
    return !inOwnFolder || /^route(\.(tsx?|js))?$/.test(path.basename(target));
  });
}
