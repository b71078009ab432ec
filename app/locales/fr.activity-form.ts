export const frActivityForm = {
} as const;
