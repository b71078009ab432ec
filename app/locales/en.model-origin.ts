import type { frModelOrigin } from "./fr.model-origin.ts";

export const enModelOrigin: Record<keyof typeof frModelOrigin, string> = {
  "activityView.modelOrigin": "Based on the model activity “{model}” (version {version}) of {owner}.",
  "activityView.modelUpdate": "Version {version} of the model awaits your decision.",
};
