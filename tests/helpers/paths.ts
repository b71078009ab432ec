import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const tmpRoot = path.join(root, "tests", ".tmp");
