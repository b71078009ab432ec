import type { frUi } from "./fr.ui.ts";

export const enUi: Record<keyof typeof frUi, string> = {
  "ui.breadcrumb": "Breadcrumb",
};
