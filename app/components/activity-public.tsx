import { Form } from "@remix-run/react";
import { useT } from "~/utils/use-i18n.ts";

/**
 * The DPO's switch for the public register (CADA: the register is a communicable document).
 * The prop is `activityRef`, not `ref`: React reserves `ref` (it would arrive undefined, and a string ref breaks the client render).
 */
export function ActivityPublicPanel({
  base,
  activityRef,
  isPublic,
  approved,
  canPublish,
}: {
  base: string;
  activityRef: string;
  isPublic: boolean;
  approved: boolean;
  canPublish: boolean;
}) {
  const { t } = useT();
  return (
    <section className="panel" aria-labelledby="public-h">
      <h2 id="public-h">{t("activityPublic.title")}</h2>
      <p>{t(isPublic ? "activityPublic.isPublic" : "activityPublic.isPrivate")}</p>
      {canPublish ? (
        approved || isPublic ? (
          <Form method="post" action={`${base}/activities/${activityRef}/publish`}>
            <input type="hidden" name="public" value={isPublic ? "no" : "yes"} />
            <button type="submit" className="button">
              {t(isPublic ? "activityPublic.unpublish" : "activityPublic.publish")}
            </button>
          </Form>
        ) : (
          <p className="hint">{t("activityPublic.needsApproval")}</p>
        )
      ) : null}
    </section>
  );
}
