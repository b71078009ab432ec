import type { frSso } from "./fr.sso.ts";

export const enSso: Record<keyof typeof frSso, string> = {
  "sso.signInWith": "Sign in with {provider}",
  "sso.or": "or with your e-mail address and password",
  "sso.errorTitle": "Sign-in did not complete",
  "sso.error.unavailable": "The identity provider is not responding at the moment. Try again in a few minutes; if it lasts, tell the IT department.",
  "sso.error.state": "This sign-in attempt has expired or was already used. Start again from the sign-in page.",
  "sso.error.denied": "Sign-in was refused or cancelled at the identity provider.",
  "sso.error.token": "The identity provider's answer could not be verified. For safety, you are not signed in. Tell the IT department if it happens again.",
  "sso.error.unverified_email": "The identity provider did not confirm your e-mail address: Registre cannot recognise you.",
  "sso.error.password_only": "Single sign-on is not configured on this Registre.",
  "sso.retry": "Back to the sign-in page",
  "sso.passwordDisabled": "Your organisation requires single sign-on: use the “Sign in with {provider}” button.",
  "sso.settingsTitle": "Sign-in",
  "sso.passwordLoginDisabled": "Require single sign-on ({provider}): members can no longer sign in with a password",
  "sso.settingsSaved": "The sign-in mode is saved.",
};
