/**
 * The platform administrators' page (ADR 020): the instance catalogues, whose shared vendors every
 * organization of the instance may subscribe to. Create one, or join one as its ADMIN; its vendors are
 * then kept through the ordinary vendor and catalogue pages. Anyone not in PLATFORM_ADMINS gets a 404.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createInstanceCatalogue, InstanceCatalogueError, joinInstanceCatalogue, listInstanceCatalogues } from "~/models/instance-catalogue.server.ts";
import { requirePlatformAdmin } from "~/http/platform.server.ts";
import { notFound } from "~/http/auth.server.ts";
import { readForm } from "~/utils/form-limits.server.ts";
import { titleMeta } from "~/utils/page-title.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { requiredText, slugField, z } from "~/utils/validation.ts";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: requiredText(120), slug: slugField }),
  z.object({ intent: z.literal("join"), organizationId: z.string().min(1).max(40) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const s = await requirePlatformAdmin(request);
  return { catalogues: await listInstanceCatalogues(s.user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const s = await requirePlatformAdmin(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message.split("|")[0] ?? "errors.invalid" }, { status: 400 });
  try {
    if (parsed.data.intent === "create") {
      const org = await createInstanceCatalogue(s.user.id, { name: parsed.data.name, slug: parsed.data.slug });
      return redirectWithToast(request, `/o/${org.slug}/catalogue`, { type: "success", key: "instanceCatalogue.created" });
    }
    const org = await joinInstanceCatalogue(s.user.id, parsed.data.organizationId);
    return redirectWithToast(request, `/o/${org.slug}/catalogue`, { type: "success", key: "instanceCatalogue.joined" });
  } catch (e) {
    if (e instanceof InstanceCatalogueError && e.reason === "slug_taken") return data({ error: "errors.slugTaken" }, { status: 400 });
    if (e instanceof InstanceCatalogueError) throw notFound();
    throw e;
  }
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "instanceCatalogue.title");

export default function Platform() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t, msg } = useT();
  return (
    <div className="page">
      <h1>{t("instanceCatalogue.title")}</h1>
      <p className="lead">{t("instanceCatalogue.intro")}</p>
      {a?.error ? (
        <p className="callout warning" role="alert" id="platform-error">
          {msg(a.error)}
        </p>
      ) : null}
      {d.catalogues.length === 0 ? (
        <p className="empty-state">{t("instanceCatalogue.none")}</p>
      ) : (
        <ul className="card-list">
          {d.catalogues.map((c) => (
            <li key={c.id} className="card">
              {c.member ? <Link to={`/o/${c.slug}/catalogue`}>{c.name}</Link> : c.name} —{" "}
              {t("instanceCatalogue.counts", { vendors: c.sharedVendors, subscribers: c.subscribers })}
              {c.member ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="join" />
                  <input type="hidden" name="organizationId" value={c.id} />
                  <button type="submit" className="button small">
                    {t("instanceCatalogue.join", { name: c.name })}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("instanceCatalogue.create")}</h2>
      <Form method="post" className="stack narrow-form">
        <input type="hidden" name="intent" value="create" />
        <label>
          {t("instanceCatalogue.name")}
          <input name="name" required maxLength={120} aria-describedby={a?.error ? "platform-error" : undefined} />
        </label>
        <label>
          {t("instanceCatalogue.slug")}
          <input
            name="slug"
            required
            minLength={2}
            maxLength={60}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            aria-describedby={a?.error ? "platform-error" : undefined}
          />
        </label>
        <button type="submit" className="button primary">
          {t("instanceCatalogue.create")}
        </button>
      </Form>
    </div>
  );
}
