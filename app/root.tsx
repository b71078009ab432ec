import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { useEffect } from "react";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useParams,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { listUserOrganizations } from "~/models/membership.server.ts";
import appCss from "~/styles/app.css?url";
import { getLocale } from "~/http/i18n.server.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/utils/i18n.ts";
import { readCookie, serializeCookie } from "~/utils/cookies.server.ts";
import { rememberMessages, withMessages } from "~/utils/messages-cache.ts";
import { clientMessages, MESSAGES_COOKIE, messagesVersion } from "~/utils/messages.server.ts";
import { useNonce } from "~/utils/nonce.tsx";
import { getSession } from "~/http/session.server.ts";
import { readToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { Toast } from "~/components/toast.tsx";
import { OrgNav } from "~/components/org-nav.tsx";
import { ErrorMessage, errorText } from "~/components/error-page.tsx";
import { rgaaConformanceLevel } from "~/reference/rgaa-audit.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [session, locale] = await Promise.all([getSession(request), getLocale(request)]);
  const organizations = session ? await listUserOrganizations(session.user.id) : [];
  const { toast, clear } = readToast(request);
  // Only this language's messages reach the browser, never the PDF/spreadsheet/mail strings. A data
  // request (fetch, not a page load) from a browser that already received this language and version
  // gets none: the root clientLoader puts back its copy (utils/messages-cache.ts).
  const version = messagesVersion(locale);
  const held = `${locale}.${version}`;
  const omit = request.headers.get("Sec-Fetch-Dest") === "empty" && readCookie(request, MESSAGES_COOKIE) === held;
  const headers = new Headers();
  if (clear) headers.append("Set-Cookie", clear);
  if (!omit && readCookie(request, MESSAGES_COOKIE) !== held)
    headers.append("Set-Cookie", serializeCookie(request, MESSAGES_COOKIE, held, { maxAgeSeconds: 365 * 24 * 3600 }));
  return data(
    {
      locale,
      messagesVersion: version,
      messages: omit ? null : clientMessages(locale),
      user: session ? { id: session.user.id, name: session.user.name, email: session.user.email } : null,
      organizations,
      toast,
    },
    { headers },
  );
}

/** Client navigations: the server's data, with the messages from the browser's copy when left out. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const d = await serverLoader<typeof loader>();
  return { ...d, messages: await withMessages(d) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = translatorFromMatches(matches);
  return [{ title: t("app.name") }, { name: "description", content: t("app.tagline") }];
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data && isLocale(data.locale) ? data.locale : DEFAULT_LOCALE;
  const nonce = useNonce();
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const { t, locale } = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/lang" className="lang-switch" aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="locale" value="fr" lang="fr" aria-pressed={locale === "fr"} title="Français">
        FR
      </button>
      <button type="submit" name="locale" value="en" lang="en" aria-pressed={locale === "en"} title="English">
        EN
      </button>
    </Form>
  );
}

function OrgSwitcher() {
  const data = useRouteLoaderData<typeof loader>("root");
  const params = useParams();
  const { t } = useT();
  const orgs = data?.organizations ?? [];
  if (orgs.length < 2) return null;
  const current = orgs.find((o) => o.slug === params.org);
  return (
    <details className="org-switcher">
      <summary>
        <span className="visually-hidden">{t("nav.switchOrganization")}: </span>
        {current?.name ?? t("nav.chooseOrganization")}
      </summary>
      <ul>
        {orgs.map((o) => (
          <li key={o.id}>
            <Link to={`/o/${o.slug}`} aria-current={o.slug === params.org ? "page" : undefined}>
              {o.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useT();
  const params = useParams();
  return (
    <header className="site-header" role="banner">
      <div className="header-bar">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            R
          </span>
          {t("app.name")}
        </Link>
        {data?.user ? <OrgSwitcher /> : null}
        <div className="header-tools">
          <LanguageSwitch />
          {data?.user ? (
            <>
              <Link to="/account" className="account-link">
                <span className="visually-hidden">{t("nav.account")}: </span>
                {data.user.name}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button-link">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
      {params.org ? <OrgNav /> : null}
    </header>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useT();
  const params = useParams();
  // The statement names the organization of the page (a member's organization, or a public register's).
  const org = params.org ?? params.slug;
  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer" role="contentinfo">
        <p>{t("app.footer")}</p>
        <nav aria-label={t("accessibility.footer.nav")}>
          <ul className="footer-links">
            <li>
              <Link to={org ? `/accessibilite?org=${org}` : "/accessibilite"}>
                {t("accessibility.footer.statement", { level: t(`accessibility.level.${rgaaConformanceLevel()}`) })}
              </Link>
            </li>
            {params.org ? (
              <li>
                <Link to={`/o/${params.org}/sitemap`}>{t("accessibility.footer.sitemap")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </footer>
    </>
  );
}

export default function App() {
  const root = useLoaderData<typeof loader>();
  const { toast } = root;
  // The page's first messages come with the HTML: keep them for the data requests that leave them out.
  useEffect(() => rememberMessages(root), [root]);
  return (
    <Shell>
      {toast ? <Toast toast={toast} /> : null}
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const translator = useT();
  return (
    <Shell>
      <ErrorMessage text={errorText(error, translator)} back={{ to: "/", label: translator.t("errors.backHome") }} />
    </Shell>
  );
}
