import type { frSovereigntyUi } from "./fr.sovereignty-ui.ts";

export const enSovereigntyUi: Record<keyof typeof frSovereigntyUi, string> = {
};
