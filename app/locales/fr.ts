/** French is the reference language: every key exists here first. */
import { frActivityForm } from "./fr.activity-form.ts";
import { frActivityView } from "./fr.activity-view.ts";
import { frDocuments } from "./fr.documents.ts";
import { frExports } from "./fr.exports.ts";
import { frGuided } from "./fr.guided.ts";
import { frImport } from "./fr.import.ts";
import { frRegister } from "./fr.register.ts";
import { frSovereignty } from "./fr.sovereignty.ts";
import { frSovereigntyUi } from "./fr.sovereignty-ui.ts";
import { frTabular } from "./fr.tabular.ts";
import { frVendors } from "./fr.vendors.ts";
import { frVocabulary } from "./fr.vocabulary.ts";
import { frDpia } from "./fr.dpia.ts";
import { frBreaches } from "./fr.breaches.ts";
import { frCatalogue } from "./fr.catalogue.ts";
import { frModelOrigin } from "./fr.model-origin.ts";
import { frRequests } from "./fr.requests.ts";
import { frOnboarding } from "./fr.onboarding.ts";
import { frAuditLog } from "./fr.audit-log.ts";
import { frAccessibility } from "./fr.accessibility.ts";
import { frLegal } from "./fr.legal.ts";
import { frLegalExports } from "./fr.legal-exports.ts";
import { frApi } from "./fr.api.ts";
import { frInterop } from "./fr.interop.ts";
import { frMail } from "./fr.mail.ts";
import { frSso } from "./fr.sso.ts";
import { frAccess } from "./fr.access.ts";
import { frPortfolio } from "./fr.portfolio.ts";
import { frGroupSharing } from "./fr.group-sharing.ts";
import { frInstanceCatalogue } from "./fr.instance-catalogue.ts";
import { frOperations } from "./fr.operations.ts";
import { frIntegrity } from "./fr.integrity.ts";
import { frUi } from "./fr.ui.ts";
import { frDomainErrors } from "./fr.domain-errors.ts";
import { frZipJobs } from "./fr.zip-jobs.ts";
import { frCatalogueDpa } from "./fr.catalogue-dpa.ts";
import { frExposureRefresh } from "./fr.exposure-refresh.ts";
import { frPortfolioChanges } from "./fr.portfolio-changes.ts";

const frCore = {
  "app.name": "Registre",
  "app.tagline": "Le registre des activités de traitement de votre collectivité (RGPD, article 30)",
  "app.footer": "Registre — registre des activités de traitement (RGPD art. 30), hébergé par votre collectivité.",

  "nav.skipToContent": "Aller au contenu",
  "nav.language": "Langue",
  "nav.account": "Mon compte",
  "nav.logout": "Se déconnecter",
  "nav.switchOrganization": "Changer d'organisme",
  "nav.chooseOrganization": "Choisir un organisme",
  "nav.orgNavigation": "Navigation de {name}",
  "nav.home": "Accueil",
  "nav.members": "Membres",
  "nav.departments": "Services",
  "nav.audit": "Journal d'audit",
  "nav.settings": "Organisme",

  "roles.ADMIN": "Administrateur",
  "roles.DPO": "Délégué à la protection des données",
  "roles.EDITOR": "Responsable de service",
  "roles.VIEWER": "Lecteur",

  "common.save": "Enregistrer",
  "common.delete": "Supprimer",
  "common.close": "Fermer",
  "common.all": "Tous",
  "common.filter": "Filtrer",
  "common.next": "Page suivante",
  "common.previous": "Page précédente",
  "common.pageOf": "Page {page} sur {pages}",
  "common.pagination": "Pagination",
  "common.notProvided": "Non renseigné",

  "fields.email": "Adresse e-mail",
  "fields.password": "Mot de passe",
  "fields.newPassword": "Nouveau mot de passe",
  "fields.confirmPassword": "Confirmez le mot de passe",
  "fields.currentPassword": "Mot de passe actuel",
  "fields.fullName": "Nom et prénom",
  "fields.language": "Langue de l'interface",
  "fields.orgName": "Nom de l'organisme",
  "fields.slug": "Identifiant court",
  "fields.siren": "SIREN",
  "fields.address": "Adresse",
  "fields.legalRepresentative": "Représentant légal",
  "fields.defaultLanguage": "Langue par défaut des documents",
  "fields.dpoName": "Nom du DPO",
  "fields.dpoEmail": "E-mail du DPO",
  "fields.dpoPhone": "Téléphone du DPO",
  "fields.dpoCnilNumber": "Numéro de désignation CNIL du DPO",
  "fields.yourRole": "Votre rôle",
  "fields.role": "Rôle",
  "fields.roleOf": "Rôle de {name}",
  "fields.departmentName": "Nom du service",

  "hints.orgName": "Par exemple : Ville de Saint-Martin, CCAS de Saint-Martin.",
  "hints.slug": "Lettres minuscules, chiffres et tirets ; il apparaît dans les adresses (ex. ville-saint-martin).",
  "hints.siren": "9 chiffres, tel qu'il figure au répertoire SIRENE.",
  "hints.legalRepresentative": "Le maire ou le président, au nom duquel le registre est tenu.",
  "hints.dpoCnilNumber": "Le numéro attribué par la CNIL lors de la désignation du DPO (DPO-XXXXX).",
  "hints.password": "Au moins 12 caractères. Une phrase de passe est plus facile à retenir.",
  "hints.setupRole": "Le DPO tient le registre ; l'administrateur gère les comptes et l'organisme.",
  "hints.roles": "Un responsable de service ne voit et ne modifie que les traitements de ses services.",

  "errors.required": "Ce champ est obligatoire.",
  "errors.invalid": "Cette valeur n'est pas valide.",
  "errors.choice": "Choisissez une des valeurs proposées.",
  "errors.email": "Saisissez une adresse e-mail valide (ex. nom@mairie.fr).",
  "errors.url": "Saisissez une adresse web complète (https://…).",
  "errors.phone": "Saisissez un numéro de téléphone valide.",
  "errors.tooShort": "Saisissez au moins {min} caractères.",
  "errors.tooLong": "Saisissez au plus {max} caractères.",
  "errors.tooSmall": "La valeur doit être au moins {min}.",
  "errors.tooBig": "La valeur doit être au plus {max}.",
  "errors.tooFewItems": "Choisissez au moins {min, plural, one {# élément} other {# éléments}}.",
  "errors.slug": "Utilisez des lettres minuscules sans accent, des chiffres et des tirets (2 caractères au moins).",
  "errors.slugTaken": "Cet identifiant est déjà utilisé par un autre organisme.",
  "errors.siren": "Le SIREN compte 9 chiffres et doit être valide.",
  "errors.passwordMismatch": "Les deux mots de passe ne sont pas identiques.",
  "errors.invalidCredentials": "Adresse e-mail ou mot de passe incorrect.",
  "errors.tooManyAttempts": "Trop de tentatives de connexion. Par sécurité, réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
  "errors.wrongCurrentPassword": "Le mot de passe actuel est incorrect.",
  "errors.invitationInvalid": "Cette invitation n'est plus valable (déjà utilisée, révoquée ou expirée).",
  "errors.resetInvalid": "Ce lien de réinitialisation n'est plus valable (déjà utilisé ou expiré).",
  "errors.staleUpdate":
    "Quelqu'un a modifié ces informations pendant que vous les éditiez. Rechargez la page pour voir sa version, puis refaites vos changements.",
  "errors.resetOtherOrganizations":
    "Cette personne est aussi membre d'un organisme que vous ne gérez pas : seul un administrateur de chacun de ses organismes peut réinitialiser son mot de passe.",
  "errors.lastAdmin": "L'organisme doit garder au moins un administrateur.",
  "errors.editorNeedsDepartment": "Un responsable de service doit être rattaché à au moins un service.",
  "errors.departmentExists": "Un service porte déjà ce nom.",
  "errors.departmentInUse": "Ce service a encore des traitements : rattachez-les à un autre service avant de le supprimer.",
  "errors.invalidFilters": "Certains filtres n'étaient pas valides et ont été ignorés.",
  "errors.code": "Erreur {status}",
  "errors.notFoundTitle": "Page introuvable",
  "errors.notFoundBody": "Cette page n'existe pas ou vous n'y avez pas accès.",
  "errors.forbiddenTitle": "Accès refusé",
  "errors.forbiddenBody": "Votre rôle ne permet pas d'ouvrir cette page ou de faire cette action.",
  "errors.tooManyTitle": "Trop de requêtes",
  "errors.tooManyBody": "Patientez quelques minutes avant de réessayer.",
  "errors.unexpectedTitle": "Une erreur inattendue s'est produite",
  "errors.unexpectedBody": "Rien n'a été perdu de ce qui était enregistré. Réessayez ; si le problème persiste, prévenez votre administrateur.",
  "errors.backHome": "Revenir à l'accueil",

  "toast.saved": "Modifications enregistrées.",
  "toast.deleted": "Élément supprimé.",
  "toast.profileSaved": "Profil enregistré.",
  "toast.passwordChanged": "Mot de passe modifié. Vos autres sessions ont été fermées.",
  "toast.passwordReset": "Mot de passe réinitialisé. Connectez-vous avec le nouveau mot de passe.",
  "toast.signedOutEverywhere": "Toutes vos sessions ont été fermées.",
  "toast.organizationCreated": "Organisme créé.",
  "toast.invitationRevoked": "Invitation révoquée.",
  "toast.memberRemoved": "Membre retiré de l'organisme.",

  "login.title": "Connexion",
  "login.intro": "Connectez-vous pour accéder au registre de votre collectivité.",
  "login.submit": "Se connecter",
  "login.forgotten": "Mot de passe oublié ? Demandez à votre DPO ou à votre administrateur un lien de réinitialisation.",

  "setup.title": "Première installation",
  "setup.intro": "Créez le premier organisme et votre compte. Vous pourrez ensuite inviter les autres utilisateurs.",
  "setup.organization": "Organisme",
  "setup.account": "Votre compte",
  "setup.submit": "Créer l'organisme et le compte",

  "invitation.title": "Invitation à rejoindre {organization}",
  "invitation.intro": "Cette invitation pour {email} donne le rôle « {role} ». Elle expire le {date}.",
  "invitation.existingAccount": "Un compte existe déjà pour cette adresse : saisissez son mot de passe pour accepter.",
  "invitation.accept": "Accepter l'invitation",
  "invitation.invalidTitle": "Invitation non valable",
  "invitation.invalidBody": "Ce lien a déjà été utilisé, a été révoqué ou a expiré. Demandez une nouvelle invitation à la personne qui vous l'a envoyé.",

  "reset.title": "Choisir un nouveau mot de passe",
  "reset.intro": "Nouveau mot de passe pour le compte {email}. Toutes les sessions ouvertes seront fermées.",
  "reset.submit": "Enregistrer le mot de passe",
  "reset.invalidTitle": "Lien non valable",
  "reset.invalidBody": "Ce lien a déjà été utilisé ou a expiré. Demandez-en un nouveau à votre DPO ou à votre administrateur.",

  "account.title": "Mon compte",
  "account.signedInAs": "Connecté en tant que {email}.",
  "account.profile": "Profil",
  "account.changePassword": "Changer de mot de passe",
  "account.changePasswordSubmit": "Changer le mot de passe",
  "account.sessions": "Sessions",
  "account.sessionsCount": "Sessions ouvertes : {count}.",
  "account.signOutEverywhere": "Se déconnecter de toutes les sessions",
  "account.organizations": "Mes organismes",

  "orgs.create": "Créer un autre organisme",
  "orgs.createTitle": "Nouvel organisme",
  "orgs.createIntro": "Un DPO mutualisé peut tenir ici le registre de plusieurs responsables de traitement (commune, CCAS, intercommunalité).",

  "org.identity": "Identité du responsable de traitement",
  "org.dpo": "Délégué à la protection des données",
  "org.settingsTitle": "Organisme",
  "org.settingsIntro": "Ces informations figurent en tête du registre (article 30.1.a du RGPD).",

  "home.chooseTitle": "Vos organismes",
  "home.noOrganization": "Vous n'êtes membre d'aucun organisme. Demandez une invitation à votre DPO.",
  "home.welcome.ADMIN": "Vous administrez cet organisme : comptes, services et identité.",
  "home.welcome.DPO": "Vous tenez le registre de cet organisme.",
  "home.welcome.EDITOR": "Vous déclarez les traitements de vos services.",
  "home.welcome.VIEWER": "Vous consultez le registre en lecture seule.",
  "home.identityIncompleteTitle": "Identité de l'organisme incomplète",
  "home.identityIncompleteBody": "Le registre doit indiquer ces informations (article 30.1.a) :",
  "home.completeIdentity": "Compléter l'identité de l'organisme",
  "home.myDepartments": "Mes services",
  "home.noDepartmentAssigned": "Aucun service ne vous est encore attribué. Contactez votre DPO.",

  "departments.title": "Services",
  "departments.intro": "Les services et directions qui déclarent des traitements.",
  "departments.add": "Ajouter un service",
  "departments.list": "Services ({count})",
  "departments.empty": "Aucun service pour l'instant.",
  "departments.rename": "Renommer",
  "departments.nameOf": "Nom du service {name}",

  "members.title": "Membres",
  "members.invite": "Inviter une personne",
  "members.inviteIntro":
    "Registre crée un lien d'invitation valable 72 heures et l'envoie par e-mail ; sans serveur d'envoi configuré, le message reste dans la page « Messages ». Vous pouvez aussi copier le lien et l'envoyer vous-même.",
  "members.invitationCreated": "Invitation créée. Ce lien ne sera plus affiché : copiez-le maintenant.",
  "members.linkToSend": "Lien à transmettre",
  "members.createInvitation": "Créer le lien d'invitation",
  "members.editorDepartments": "Services (pour un responsable de service)",
  "members.pending": "Invitations en attente",
  "members.expires": "expire le {date}",
  "members.revoke": "Révoquer",
  "members.list": "Membres ({count})",
  "members.saveRole": "Enregistrer le rôle",
  "members.resetLink": "Créer un lien de réinitialisation du mot de passe",
  "members.resetCreated": "Lien de réinitialisation pour {name}, valable 24 heures. Copiez-le maintenant.",
  "members.remove": "Retirer de l'organisme",

  "audit.action": "Action",
} as const;

export const fr = {
  ...frCore,
  ...frDocuments,
  ...frExports,
  ...frVocabulary,
  ...frRegister,
  ...frActivityForm,
  ...frActivityView,
  ...frSovereignty,
  ...frSovereigntyUi,
  ...frVendors,
  ...frTabular,
  ...frImport,
  ...frGuided,
  ...frDpia,
  ...frBreaches,
  ...frCatalogue,
  ...frModelOrigin,
  ...frRequests,
  ...frOnboarding,
  ...frAuditLog,
  ...frAccessibility,
  ...frLegal,
  ...frLegalExports,
  ...frApi,
  ...frInterop,
  ...frMail,
  ...frSso,
  ...frAccess,
  ...frOperations,
  ...frIntegrity,
  ...frUi,
  ...frPortfolio,
  ...frGroupSharing,
  ...frInstanceCatalogue,
  ...frDomainErrors,
  ...frZipJobs,
  ...frCatalogueDpa,
  ...frExposureRefresh,
  ...frPortfolioChanges,
} as const;
