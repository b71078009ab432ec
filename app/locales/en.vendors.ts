import type { frVendors } from "./fr.vendors.ts";

export const enVendors: Record<keyof typeof frVendors, string> = {
};
