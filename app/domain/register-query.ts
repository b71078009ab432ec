/** Sort keys of the register list, shared by the route (query parsing) and the model (ordering). */
export const SORTS = ["ref", "name", "department", "status", "updated", "review", "completeness"] as const;
export type Sort = (typeof SORTS)[number];
