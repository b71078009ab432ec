import type { fr } from "./fr.ts";
import { enActivityForm } from "./en.activity-form.ts";
import { enActivityView } from "./en.activity-view.ts";
import { enDocuments } from "./en.documents.ts";
import { enExports } from "./en.exports.ts";
import { enGuided } from "./en.guided.ts";
import { enImport } from "./en.import.ts";
import { enRegister } from "./en.register.ts";
import { enSovereignty } from "./en.sovereignty.ts";
import { enSovereigntyUi } from "./en.sovereignty-ui.ts";
import { enTabular } from "./en.tabular.ts";
import { enVendors } from "./en.vendors.ts";
import { enVocabulary } from "./en.vocabulary.ts";
import { enDpia } from "./en.dpia.ts";
import { enBreaches } from "./en.breaches.ts";
import { enCatalogue } from "./en.catalogue.ts";
import { enModelOrigin } from "./en.model-origin.ts";
import { enRequests } from "./en.requests.ts";
import { enOnboarding } from "./en.onboarding.ts";
import { enAuditLog } from "./en.audit-log.ts";
import { enAccessibility } from "./en.accessibility.ts";
import { enLegal } from "./en.legal.ts";
import { enLegalExports } from "./en.legal-exports.ts";
import { enApi } from "./en.api.ts";
import { enInterop } from "./en.interop.ts";
import { enMail } from "./en.mail.ts";
import { enSso } from "./en.sso.ts";
import { enUi } from "./en.ui.ts";
import { enAccess } from "./en.access.ts";
import { enPortfolio } from "./en.portfolio.ts";
import { enGroupSharing } from "./en.group-sharing.ts";
import { enInstanceCatalogue } from "./en.instance-catalogue.ts";
import { enIntegrity } from "./en.integrity.ts";
import { enDomainErrors } from "./en.domain-errors.ts";
import { enZipJobs } from "./en.zip-jobs.ts";
import { enCatalogueDpa } from "./en.catalogue-dpa.ts";
import { enExposureRefresh } from "./en.exposure-refresh.ts";
import { enPortfolioChanges } from "./en.portfolio-changes.ts";
/** English, the second language. Typed against French so a missing key fails to compile. */
import { enOperations } from "./en.operations.ts";

export const en: Record<keyof typeof fr, string> = {
  ...enOperations,
  ...enDocuments,
  ...enVocabulary,
  ...enRegister,
  ...enExports,
  ...enActivityForm,
  ...enActivityView,
  ...enSovereignty,
  ...enSovereigntyUi,
  ...enVendors,
  ...enDpia,
  ...enBreaches,
  ...enCatalogue,
  ...enModelOrigin,
  ...enRequests,
  ...enOnboarding,
  ...enAuditLog,
  ...enAccessibility,
  ...enLegal,
  ...enLegalExports,
  ...enApi,
  ...enInterop,
  ...enMail,
  ...enSso,
  ...enAccess,
  ...enTabular,
  ...enImport,
  ...enGuided,
  ...enIntegrity,
  ...enUi,
  ...enPortfolio,
  ...enGroupSharing,
  ...enInstanceCatalogue,
  ...enDomainErrors,
  ...enZipJobs,
  ...enCatalogueDpa,
  ...enExposureRefresh,
  ...enPortfolioChanges,
  "app.name": "Registre",
  "app.tagline": "Your local authority's record of processing activities (GDPR, Article 30)",
  "app.footer": "Registre — record of processing activities (GDPR Art. 30), hosted by your local authority.",

  "nav.skipToContent": "Skip to content",
  "nav.language": "Language",
  "nav.account": "My account",
  "nav.logout": "Sign out",
  "nav.switchOrganization": "Switch organisation",
  "nav.chooseOrganization": "Choose an organisation",
  "nav.orgNavigation": "{name} navigation",
  "nav.home": "Home",
  "nav.members": "Members",
  "nav.departments": "Departments",
  "nav.audit": "Audit log",
  "nav.settings": "Organisation",

  "roles.ADMIN": "Administrator",
  "roles.DPO": "Data protection officer",
  "roles.EDITOR": "Department head",
  "roles.VIEWER": "Read-only viewer",

  "common.save": "Save",
  "common.delete": "Delete",
  "common.close": "Close",
  "common.all": "All",
  "common.filter": "Filter",
  "common.next": "Next page",
  "common.previous": "Previous page",
  "common.pageOf": "Page {page} of {pages}",
  "common.pagination": "Pagination",
  "common.notProvided": "Not provided",

  "fields.email": "Email address",
  "fields.password": "Password",
  "fields.newPassword": "New password",
  "fields.confirmPassword": "Confirm password",
  "fields.currentPassword": "Current password",
  "fields.fullName": "Full name",
  "fields.language": "Interface language",
  "fields.orgName": "Organisation name",
  "fields.slug": "Short identifier",
  "fields.siren": "SIREN",
  "fields.address": "Address",
  "fields.legalRepresentative": "Legal representative",
  "fields.defaultLanguage": "Default language for documents",
  "fields.dpoName": "DPO name",
  "fields.dpoEmail": "DPO email",
  "fields.dpoPhone": "DPO phone",
  "fields.dpoCnilNumber": "DPO's CNIL designation number",
  "fields.yourRole": "Your role",
  "fields.role": "Role",
  "fields.roleOf": "Role of {name}",
  "fields.departmentName": "Department name",

  "hints.orgName": "For example: Ville de Saint-Martin, CCAS de Saint-Martin (municipal social action centre).",
  "hints.slug": "Lower-case letters, digits and hyphens; it appears in web addresses (e.g. ville-saint-martin).",
  "hints.siren": "9 digits, as shown in the SIRENE register.",
  "hints.legalRepresentative": "The mayor or president in whose name the record is kept.",
  "hints.dpoCnilNumber": "The number assigned by the CNIL when the DPO was designated (DPO-XXXXX).",
  "hints.password": "At least 12 characters. A passphrase is easier to remember.",
  "hints.setupRole": "The DPO keeps the record; the administrator manages accounts and the organisation.",
  "hints.roles": "A department head can only see and edit the processing activities of their own departments.",

  "errors.required": "This field is required.",
  "errors.invalid": "This value is not valid.",
  "errors.choice": "Choose one of the options offered.",
  "errors.email": "Enter a valid email address (e.g. name@mairie.fr).",
  "errors.url": "Enter a full web address (https://…).",
  "errors.phone": "Enter a valid phone number.",
  "errors.tooShort": "Enter at least {min} characters.",
  "errors.tooLong": "Enter no more than {max} characters.",
  "errors.tooSmall": "The value must be at least {min}.",
  "errors.tooBig": "The value must be no more than {max}.",
  "errors.tooFewItems": "Choose at least {min, plural, one {# item} other {# items}}.",
  "errors.slug": "Use unaccented lower-case letters, digits and hyphens (at least 2 characters).",
  "errors.slugTaken": "This identifier is already used by another organisation.",
  "errors.siren": "A SIREN has 9 digits and must be valid.",
  "errors.passwordMismatch": "The two passwords do not match.",
  "errors.invalidCredentials": "Incorrect email address or password.",
  "errors.tooManyAttempts": "Too many sign-in attempts. For security reasons, try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "errors.wrongCurrentPassword": "The current password is incorrect.",
  "errors.invitationInvalid": "This invitation is no longer valid (already used, revoked or expired).",
  "errors.resetInvalid": "This reset link is no longer valid (already used or expired).",
  "errors.staleUpdate": "Someone changed this information while you were editing it. Reload the page to see their version, then make your changes again.",
  "errors.resetOtherOrganizations":
    "This person also belongs to an organisation you do not manage: only someone who administers all of their organisations can reset their password.",
  "errors.lastAdmin": "The organisation must keep at least one administrator.",
  "errors.editorNeedsDepartment": "A department head must be assigned to at least one department.",
  "errors.departmentInUse": "This department still has processing activities: move them to another department before deleting it.",
  "errors.departmentExists": "A department with this name already exists.",
  "errors.invalidFilters": "Some filters were not valid and have been ignored.",
  "errors.code": "Error {status}",
  "errors.notFoundTitle": "Page not found",
  "errors.notFoundBody": "This page does not exist or you do not have access to it.",
  "errors.forbiddenTitle": "Access denied",
  "errors.forbiddenBody": "Your role does not allow you to open this page or perform this action.",
  "errors.tooManyTitle": "Too many requests",
  "errors.tooManyBody": "Please wait a few minutes before trying again.",
  "errors.unexpectedTitle": "An unexpected error occurred",
  "errors.unexpectedBody": "Nothing that was already saved has been lost. Please try again; if the problem persists, let your administrator know.",
  "errors.backHome": "Back to home",

  "toast.saved": "Changes saved.",
  "toast.deleted": "Item deleted.",
  "toast.profileSaved": "Profile saved.",
  "toast.passwordChanged": "Password changed. Your other sessions have been signed out.",
  "toast.passwordReset": "Password reset. Sign in with your new password.",
  "toast.signedOutEverywhere": "All your sessions have been signed out.",
  "toast.organizationCreated": "Organisation created.",
  "toast.invitationRevoked": "Invitation revoked.",
  "toast.memberRemoved": "Member removed from the organisation.",

  "login.title": "Sign in",
  "login.intro": "Sign in to access your local authority's record.",
  "login.submit": "Sign in",
  "login.forgotten": "Forgotten your password? Ask your DPO or administrator for a reset link.",

  "setup.title": "First-time setup",
  "setup.intro": "Create the first organisation and your account. You can then invite other users.",
  "setup.organization": "Organisation",
  "setup.account": "Your account",
  "setup.submit": "Create the organisation and account",

  "invitation.title": "Invitation to join {organization}",
  "invitation.intro": "This invitation for {email} grants the role “{role}”. It expires on {date}.",
  "invitation.existingAccount": "An account already exists for this address: enter its password to accept.",
  "invitation.accept": "Accept the invitation",
  "invitation.invalidTitle": "Invalid invitation",
  "invitation.invalidBody": "This link has already been used, has been revoked or has expired. Ask the person who sent it to you for a new invitation.",

  "reset.title": "Choose a new password",
  "reset.intro": "New password for the account {email}. All open sessions will be signed out.",
  "reset.submit": "Save password",
  "reset.invalidTitle": "Invalid link",
  "reset.invalidBody": "This link has already been used or has expired. Ask your DPO or administrator for a new one.",

  "account.title": "My account",
  "account.signedInAs": "Signed in as {email}.",
  "account.profile": "Profile",
  "account.changePassword": "Change your password",
  "account.changePasswordSubmit": "Change password",
  "account.sessions": "Sessions",
  "account.sessionsCount": "Open sessions: {count}.",
  "account.signOutEverywhere": "Sign out of all sessions",
  "account.organizations": "My organisations",

  "orgs.create": "Create another organisation",
  "orgs.createTitle": "New organisation",
  "orgs.createIntro":
    "A shared DPO can keep the records of several controllers here: a municipality, its CCAS (municipal social action centre), an inter-municipal body, and so on.",

  "org.identity": "Identity of the controller",
  "org.dpo": "Data protection officer",
  "org.settingsTitle": "Organisation",
  "org.settingsIntro": "This information appears at the top of the record (GDPR Article 30(1)(a)).",

  "home.chooseTitle": "Your organisations",
  "home.noOrganization": "You are not a member of any organisation. Ask your DPO for an invitation.",
  "home.welcome.ADMIN": "You administer this organisation: accounts, departments and identity.",
  "home.welcome.DPO": "You keep this organisation's record of processing activities.",
  "home.welcome.EDITOR": "You declare the processing activities of your departments.",
  "home.welcome.VIEWER": "You have read-only access to the record.",
  "home.identityIncompleteTitle": "Organisation identity incomplete",
  "home.identityIncompleteBody": "The record must include the following information (Article 30(1)(a)):",
  "home.completeIdentity": "Complete the organisation's identity",
  "home.myDepartments": "My departments",
  "home.noDepartmentAssigned": "No department has been assigned to you yet. Contact your DPO.",

  "departments.title": "Departments",
  "departments.intro": "The departments and directorates that declare processing activities.",
  "departments.add": "Add a department",
  "departments.list": "Departments ({count})",
  "departments.empty": "No departments yet.",
  "departments.rename": "Rename",
  "departments.nameOf": "Name of department {name}",

  "members.title": "Members",
  "members.invite": "Invite someone",
  "members.inviteIntro":
    "Registre creates an invitation link valid for 72 hours and mails it; without a configured mail server, the message stays on the “Messages” page. You can also copy the link and send it yourself.",
  "members.invitationCreated": "Invitation created. This link will not be shown again: copy it now.",
  "members.linkToSend": "Link to send",
  "members.createInvitation": "Create the invitation link",
  "members.editorDepartments": "Departments (for a department head)",
  "members.pending": "Pending invitations",
  "members.expires": "expires on {date}",
  "members.revoke": "Revoke",
  "members.list": "Members ({count})",
  "members.saveRole": "Save role",
  "members.resetLink": "Create a password reset link",
  "members.resetCreated": "Password reset link for {name}, valid for 24 hours. Copy it now.",
  "members.remove": "Remove from the organisation",

  "audit.action": "Action",
};
