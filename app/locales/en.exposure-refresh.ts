/** Portfolio exposure levels recomputed in the background (issue 14, ADR 022). */
export const enExposureRefresh = {
  "exposureRefresh.updating": "updating",
  "exposureRefresh.notice":
    "{count, plural, one {The exposure level of # organization is being updated: its row shows the last known level.} other {The exposure levels of # organizations are being updated: their rows show the last known level.}} The “Changed exposure only” filter will reflect them once the update is done.",
  "exposureRefresh.reload": "Reload the portfolio",
} as const;
