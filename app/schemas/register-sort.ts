/** The register list's sort keys: the page's query and the REST API's both parse against this list (ADR 018). */
export const SORTS = ["ref", "name", "department", "status", "updated", "review", "completeness"] as const;
export type Sort = (typeof SORTS)[number];
