/** Routes parse input, ask the policy module and call the domain: only models touch Prisma, and no route imports another. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/paths.ts";
import { importsOfOtherRoutes, routeModules, routeSourceFiles, routesDir } from "../helpers/route-files.ts";

const rel = (f: string) => path.relative(root, f);

it("no route imports the database client or the generated Prisma client", () => {
  const files = routeSourceFiles();
  expect(files.length).toBeGreaterThan(60);
  const offenders = files.filter((f) => /utils\/db\.server|generated\/prisma/.test(fs.readFileSync(f, "utf8"))).map(rel);
  expect(offenders).toEqual([]);
});

describe("a route does not import another route (shared code goes to a model, app/domain or app/http)", () => {
  it("no file under app/routes imports another route module or another route's folder", () => {
    const offenders = routeSourceFiles().flatMap((f) => importsOfOtherRoutes(f, fs.readFileSync(f, "utf8")).map((spec) => `${rel(f)} -> ${spec}`));
    expect(offenders).toEqual([]);
  });

  it("the check sees every kind of route import (so it can fail)", () => {
    const flat = path.join(routesDir, "s.$token.file.ts");
    const folder = path.join(routesDir, "o.$org.vendors.$vendorId", "route.tsx");
    const section = path.join(routesDir, "o.$org.vendors.$vendorId", "services.tsx");
    // A flat route importing a sibling route, by alias or relative path, statically or dynamically.
    expect(importsOfOtherRoutes(flat, `import { x } from "./o.$org.exports.generate.ts";`)).toEqual(["./o.$org.exports.generate.ts"]);
    expect(importsOfOtherRoutes(flat, `import { x } from "~/routes/o.$org.exports.tsx";`)).toEqual(["~/routes/o.$org.exports.tsx"]);
    expect(importsOfOtherRoutes(flat, `const m = await import("./login.tsx");`)).toEqual(["./login.tsx"]);
    expect(importsOfOtherRoutes(flat, `export { loader } from "./login.tsx";`)).toEqual(["./login.tsx"]);
    // A flat route reaching into a folder route's files.
    expect(importsOfOtherRoutes(flat, `import { S } from "./o.$org.vendors.$vendorId/services.tsx";`)).toHaveLength(1);
    // A folder route's file reaching another route, or its own route module.
    expect(importsOfOtherRoutes(folder, `import { x } from "../o.$org.vendors._index.tsx";`)).toHaveLength(1);
    expect(importsOfOtherRoutes(folder, `import { x } from "../o.$org.activities.$ref.dpia/sections.tsx";`)).toHaveLength(1);
    expect(importsOfOtherRoutes(section, `import { loader } from "./route.tsx";`)).toEqual(["./route.tsx"]);
    // Allowed: its own sections and helpers, and everything outside app/routes.
    expect(importsOfOtherRoutes(folder, `import { S } from "./services.tsx"; import { h } from "./vendor.server.ts";`)).toEqual([]);
    expect(importsOfOtherRoutes(flat, `import { a } from "~/models/x.server.ts"; import { b } from "../utils/y.ts"; import React from "react";`)).toEqual([]);
  });

  it("lists flat files and folder routes as route modules", () => {
    const ids = routeModules().map((r) => r.id);
    expect(ids).toContain("login");
    expect(ids).toContain("o.$org.activities.$ref.publish");
    expect(new Set(ids).size).toBe(ids.length);
  });
});
