import type { frActivityForm } from "./fr.activity-form.ts";

export const enActivityForm: Record<keyof typeof frActivityForm, string> = {
};
