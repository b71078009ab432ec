import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const tmpDir = path.join(root, "tests", ".tmp");
export const templateDb = path.join(tmpDir, "template.db");
