/** Organization groups shared between several DPOs of a service (issue 14, ADR 019). */
import type { frGroupSharing } from "./fr.group-sharing.ts";

export const enGroupSharing: Record<keyof typeof frGroupSharing, string> = {
  "groupSharing.title": "Sharing",
  "groupSharing.owner": "Owner: {name} ({email})",
  "groupSharing.none": "This group is not shared with anyone.",
  "groupSharing.rule":
    "A co-owner sees this group in their portfolio and may edit it, but only for the organizations they are a member of themselves. They must be a member of at least one organization of the group, or of a DPO service you are a member of.",
  "groupSharing.email": "Co-owner's e-mail address",
  "groupSharing.add": "Share the group",
  "groupSharing.added": "Group shared.",
  "groupSharing.remove": "Remove {name}",
  "groupSharing.removed": "Co-owner removed.",
  "groupSharing.leave": "Leave this group",
  "groupSharing.left": "You no longer share this group.",
  "groupSharing.sharedWithYou": "shared with you",
  "groupSharing.emailInvalid": "Enter a valid e-mail address.",
  "groupSharing.notEligible":
    "The group cannot be shared with this address: the person must have an account and be a member of an organization of the group or of a DPO service you are a member of.",
  "groupSharing.already": "This group is already shared with this person.",
  "groupSharing.hiddenOrganizations":
    "{count, plural, one {The group also holds # organization you are not a member of: it is not shown to you.} other {The group also holds # organizations you are not a member of: they are not shown to you.}}",
  "auditLog.action.group.coOwnerAdded": "shared an organization group with a co-owner",
  "auditLog.action.group.coOwnerRemoved": "removed a co-owner from an organization group",
  "auditLog.action.group.coOwnerLeft": "left a shared organization group",
};
