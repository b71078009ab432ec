export const frVendors = {
} as const;
