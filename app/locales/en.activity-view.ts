import type { frActivityView } from "./fr.activity-view.ts";

export const enActivityView: Record<keyof typeof frActivityView, string> = {
};
