import type { frAccess } from "./fr.access.ts";

/** Access requests: a person signed in through single sign-on without a role asks an organisation's ADMINs. */
export const enAccess: Record<keyof typeof frAccess, string> = {
  "access.title": "Your access is waiting for an administrator",
  "access.intro":
    "You are signed in, but you do not have a role in any organisation yet. An administrator of your organisation must accept your request before you can read its register.",
  "access.slug": "Organisation identifier",
  "access.slugHint":
    "It is the word after “/o/” in the links to your organisation's register (for example “ville-de-lyon”). Ask your DPO or a colleague: Registre does not show the list of organisations.",
  "access.submit": "Request access",
  "access.sent": "Your request has been sent to the administrators of {org}. You will get a message once it has been handled.",
  "access.alreadyOpen": "You already have a pending request for {org}.",
  "access.mine": "Your requests",
  "access.status.PENDING": "pending",
  "access.status.ACCEPTED": "accepted",
  "access.status.REFUSED": "refused",
  "access.requestedOn": "{org} — requested on {date} — {status}",
  "errors.accessRequest.unknown": "No organisation has this identifier. Check it with your DPO.",
  "errors.accessRequest.member": "You are already a member of this organisation.",
  "errors.accessRequest.limit": "You have made too many requests today. Try again tomorrow or contact your DPO.",

  "members.accessRequests": "Access requests ({count})",
  "members.accessRequestsIntro": "These people signed in through single sign-on and ask to join the organisation. Choose their role to accept them, or refuse.",
  "members.requestedOn": "requested on {date}",
  "members.accept": "Accept",
  "members.refuse": "Refuse",
  "members.roleFor": "Role of {name}",
  "toast.accessAccepted": "Request accepted: the person is now a member.",
  "toast.accessRefused": "Request refused.",
  "errors.accessRequest.decided": "This request has already been handled.",

  "mail.accessRequest.created.subject": "Request for access to the register of {org}",
  "mail.accessRequest.created.body":
    "{name} ({email}) signed in through single sign-on and asks for access to the register of {org}. You can accept or refuse this request on the members page.",
  "mail.accessRequest.accepted.subject": "Your access to the register of {org} is open",
  "mail.accessRequest.accepted.body": "An administrator of {org} accepted your request: you can now open its register.",
  "mail.accessRequest.refused.subject": "Your request for access to the register of {org}",
  "mail.accessRequest.refused.body": "An administrator of {org} did not accept your request for access. If this is a mistake, contact your organisation's DPO.",

  "auditLog.action.access_request.created": "asked for access to the organisation",
  "auditLog.action.access_request.unknown_org": "asked for access to an unknown organisation",
  "auditLog.action.access_request.accepted": "accepted the access request of",
  "auditLog.action.access_request.refused": "refused the access request of",
};
