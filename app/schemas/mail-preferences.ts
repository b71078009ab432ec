/** Mail preference values, shared by the account page (client bundle) and the mail model. */
export const MAIL_CATEGORIES = ["workflow", "mentions", "reminders"] as const;
export const MAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type MailMode = (typeof MAIL_MODES)[number];
