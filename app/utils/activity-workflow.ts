/**
 * Kept so older imports still resolve: the review workflow lives in app/policies/activity.ts (ADR 011).
 */
export {
  TRANSITIONS,
  TRANSITION_TARGET,
  availableTransitions,
  canComment,
  canCreateIn,
  canEditActivity,
  canReadActivity,
  canTransition,
  isReviewer,
  type ActivityAccess,
  type Transition,
} from "~/policies/activity.ts";
