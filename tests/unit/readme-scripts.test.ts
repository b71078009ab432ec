/** The README matches the scripts (issue 17): every benchmark runs under `npm run bench`, every `npm run x` it names exists. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/paths.ts";

const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

describe("README and package scripts", () => {
  it("`npm run bench` runs every benchmark file", () => {
    const files = fs.readdirSync(path.join(root, "tests/bench")).filter((f) => f.endsWith(".bench.ts"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(pkg.scripts.bench, f).toContain(`tests/bench/${f}`);
  });

  it("every `npm run <script>` in the README exists", () => {
    const named = [...readme.matchAll(/npm run ([a-z][a-z0-9:-]*)/g)].map((m) => m[1]!);
    const listed = [...readme.matchAll(/`(bench:[a-z]+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    for (const s of [...named, ...listed]) expect(pkg.scripts, s).toHaveProperty([s]);
  });
});
