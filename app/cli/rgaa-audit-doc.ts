/** Rewrites docs/accessibility/rgaa-audit.md from app/reference/rgaa-audit.ts (see app/documents/rgaa-audit-markdown.ts). */
import fs from "node:fs";
import path from "node:path";
import { renderRgaaAuditMarkdown } from "~/documents/rgaa-audit-markdown.ts";

const file = path.join(process.cwd(), "docs/accessibility/rgaa-audit.md");
fs.writeFileSync(file, renderRgaaAuditMarkdown(fs.readFileSync(file, "utf8")));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
