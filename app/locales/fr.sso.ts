/** Single sign-on (OpenID Connect). */
export const frSso = {
  "sso.signInWith": "Se connecter avec {provider}",
  "sso.or": "ou avec votre adresse e-mail et votre mot de passe",
  "sso.errorTitle": "La connexion n'a pas abouti",
  "sso.error.unavailable":
    "Le service d'identification ne répond pas pour le moment. Réessayez dans quelques minutes ; si cela dure, prévenez le service informatique.",
  "sso.error.state": "Cette tentative de connexion a expiré ou a déjà été utilisée. Recommencez depuis la page de connexion.",
  "sso.error.denied": "La connexion a été refusée ou annulée auprès du service d'identification.",
  "sso.error.token":
    "La réponse du service d'identification n'a pas pu être vérifiée. Par sécurité, vous n'êtes pas connecté. Prévenez le service informatique si cela se reproduit.",
  "sso.error.unverified_email": "Le service d'identification n'a pas confirmé votre adresse e-mail : Registre ne peut pas vous reconnaître.",
  "sso.error.password_only": "La connexion unique n'est pas configurée sur ce Registre.",
  "sso.retry": "Revenir à la page de connexion",
  "sso.passwordDisabled": "Votre organisme impose la connexion unique : utilisez le bouton « Se connecter avec {provider} ».",
  "sso.settingsTitle": "Connexion",
  "sso.passwordLoginDisabled": "Imposer la connexion unique ({provider}) : les membres ne peuvent plus se connecter avec un mot de passe",
  "sso.settingsSaved": "Le mode de connexion est enregistré.",
} as const;
