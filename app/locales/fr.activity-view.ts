export const frActivityView = {
} as const;
