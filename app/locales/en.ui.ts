import type { frUi } from "./fr.ui.ts";

export const enUi: Record<keyof typeof frUi, string> = {
  "ui.breadcrumb": "Breadcrumb",
  "ui.error.back.activity": "Back to the activity",
  "ui.error.back.register": "Back to the register",
  "ui.error.back.vendors": "Back to the vendors",
};
