/** Routes parse input, ask the policy module and call the domain: only models touch Prisma. */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { root } from "../helpers/paths.ts";

it("no route imports the database client or the generated Prisma client", () => {
  const dir = path.join(root, "app", "routes");
  const offenders = fs
    .readdirSync(dir)
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .filter((f) => /utils\/db\.server|generated\/prisma/.test(fs.readFileSync(path.join(dir, f), "utf8")));
  expect(offenders).toEqual([]);
});
