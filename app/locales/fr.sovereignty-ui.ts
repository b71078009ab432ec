export const frSovereigntyUi = {
} as const;
