/** Access requests: a person signed in through single sign-on without a role asks an organization's ADMINs. */
export const frAccess = {
  "access.title": "Votre accès attend un administrateur",
  "access.intro":
    "Vous êtes bien identifié, mais vous n'avez encore de rôle dans aucun organisme. Un administrateur de votre organisme doit accepter votre demande avant que vous puissiez consulter son registre.",
  "access.slug": "Identifiant de l'organisme",
  "access.slugHint":
    "C'est le mot qui suit « /o/ » dans les liens du registre de votre organisme (par exemple « ville-de-lyon »). Demandez-le à votre DPO ou à un collègue : Registre n'affiche pas la liste des organismes.",
  "access.submit": "Demander l'accès",
  "access.sent": "Votre demande a été transmise aux administrateurs de {org}. Vous recevrez un message quand elle aura été traitée.",
  "access.alreadyOpen": "Vous avez déjà une demande en attente pour {org}.",
  "access.mine": "Vos demandes",
  "access.status.PENDING": "en attente",
  "access.status.ACCEPTED": "acceptée",
  "access.status.REFUSED": "refusée",
  "access.requestedOn": "{org} — demandée le {date} — {status}",
  "errors.accessRequest.unknown": "Aucun organisme ne porte cet identifiant. Vérifiez-le auprès de votre DPO.",
  "errors.accessRequest.member": "Vous êtes déjà membre de cet organisme.",
  "errors.accessRequest.limit": "Vous avez fait trop de demandes aujourd'hui. Réessayez demain ou contactez votre DPO.",

  "members.accessRequests": "Demandes d'accès ({count})",
  "members.accessRequestsIntro":
    "Ces personnes se sont identifiées par la connexion unique et demandent à rejoindre l'organisme. Choisissez leur rôle pour les accepter, ou refusez.",
  "members.requestedOn": "demandé le {date}",
  "members.accept": "Accepter",
  "members.refuse": "Refuser",
  "members.roleFor": "Rôle de {name}",
  "toast.accessAccepted": "Demande acceptée : la personne est maintenant membre.",
  "toast.accessRefused": "Demande refusée.",
  "errors.accessRequest.decided": "Cette demande a déjà été traitée.",

  "mail.accessRequest.created.subject": "Demande d'accès au registre de {org}",
  "mail.accessRequest.created.body":
    "{name} ({email}) s'est identifié par la connexion unique et demande à accéder au registre de {org}. Vous pouvez accepter ou refuser cette demande sur la page des membres.",
  "mail.accessRequest.accepted.subject": "Votre accès au registre de {org} est ouvert",
  "mail.accessRequest.accepted.body": "Un administrateur de {org} a accepté votre demande : vous pouvez maintenant ouvrir son registre.",
  "mail.accessRequest.refused.subject": "Votre demande d'accès au registre de {org}",
  "mail.accessRequest.refused.body":
    "Un administrateur de {org} n'a pas accepté votre demande d'accès. Si c'est une erreur, contactez le DPO de votre organisme.",

  "auditLog.action.access_request.created": "a demandé l'accès à l'organisme",
  "auditLog.action.access_request.unknown_org": "a demandé l'accès à un organisme inconnu",
  "auditLog.action.access_request.accepted": "a accepté la demande d'accès de",
  "auditLog.action.access_request.refused": "a refusé la demande d'accès de",
} as const;
