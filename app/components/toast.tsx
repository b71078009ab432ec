import { useEffect, useState } from "react";
import type { MessageKey, Params } from "~/utils/i18n.ts";
import { useT } from "~/utils/use-i18n.ts";

export function Toast({ toast }: { toast: { type: "success" | "error" | "info"; key: MessageKey; params?: Params } }) {
  const { t } = useT();
  const [open, setOpen] = useState(true);
  useEffect(() => setOpen(true), [toast]);
  if (!open) return null;
  return (
    <div className={`toast toast-${toast.type}`} role={toast.type === "error" ? "alert" : "status"}>
      <p>{t(toast.key, toast.params)}</p>
      <button type="button" className="toast-close" onClick={() => setOpen(false)} aria-label={t("common.close")}>
        ×
      </button>
    </div>
  );
}
