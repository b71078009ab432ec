import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { findUnsubscribeToken, MAIL_CATEGORIES, setMailPreferences } from "~/models/mail.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

/** The link at the bottom of every mail: no sign-in needed, one confirmation (a GET never changes anything). */
const CategorySchema = z.enum(MAIL_CATEGORIES);

async function resolve(request: Request, token: string | undefined) {
  const category = CategorySchema.safeParse(new URL(request.url).searchParams.get("c"));
  const user = token && token.length <= 200 ? await findUnsubscribeToken(token) : null;
  if (!user || !category.success) return null;
  return { user, category: category.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await resolve(request, params.token);
  if (!found) throw notFound();
  return { email: found.user.email, category: found.category };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await resolve(request, params.token);
  if (!found) return data({ done: false }, { status: 404 });
  await setMailPreferences(found.user.id, { [found.category]: "OFF" });
  return { done: true };
}

export default function Unsubscribe() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="page narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {a?.done ? (
        <p role="status">{t("unsubscribe.done")}</p>
      ) : (
        <Form method="post">
          <p>{t("unsubscribe.confirm", { category: t(`mailPrefs.category.${d.category}`), email: d.email })}</p>
          <button type="submit" className="button primary">
            {t("unsubscribe.button")}
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useT();
  return (
    <div className="page narrow">
      <h1>{t("unsubscribe.title")}</h1>
      <p role="alert">{t("unsubscribe.invalid")}</p>
    </div>
  );
}
