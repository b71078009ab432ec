/** Register ZIP jobs kept across restarts (issue 14, ADR 019). */
import type { frZipJobs } from "./fr.zip-jobs.ts";

export const enZipJobs: Record<keyof typeof frZipJobs, string> = {
  "zipJobs.interrupted": "Generation was interrupted by a server restart. The registers already generated are in each organisation's export log.",
  "zipJobs.restart": "Start the generation again",
  "zipJobs.retention": "The ZIP stays available for {days, plural, one {# day} other {# days}}.",
  "zipJobs.noLongerAllowed": "You no longer have access to every organisation in this ZIP: it can no longer be downloaded.",
};
