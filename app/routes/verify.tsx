import nodeCrypto from "node:crypto";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { verifyFingerprint } from "~/models/export-log.server.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";
import { isUploadedFile, readMultipartForm } from "~/utils/form-limits.server.ts";

export const meta: MetaFunction = () => [{ title: "Registre — vérification / verification" }];

const MAX_VERIFY_BYTES = 100 * 1024 * 1024;
/** A file's SHA-256, the document fingerprint printed on a PDF cover, or its 12-digit footer form. */
const HashSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(sha256:)?[0-9a-f]{12}([0-9a-f]{52})?$/)
  .transform((v) => v.replace(/^sha256:/, ""));

export async function loader() {
  return null;
}

/** Public: anyone may check a fingerprint. Without JavaScript the file is hashed here, then discarded. */
export async function action({ request }: ActionFunctionArgs) {
  let formData: FormData;
  try {
    formData = await readMultipartForm(request, { maxFileBytes: MAX_VERIFY_BYTES });
  } catch (err) {
    if (err instanceof Response) throw err;
    return data({ error: "errors.fileTooLarge", hash: null, matches: [] }, { status: 400 });
  }
  let hash: string | null = null;
  const file = formData.get("file");
  if (isUploadedFile(file) && file.size > 0) {
    // Hashed as it is read from disk: a 100 MB file never sits whole in memory.
    const h = nodeCrypto.createHash("sha256");
    for await (const chunk of file.stream() as unknown as AsyncIterable<Uint8Array>) h.update(chunk);
    hash = h.digest("hex");
  }
  const typed = formData.get("sha256");
  if (!hash && typeof typed === "string" && typed.trim()) {
    const parsed = HashSchema.safeParse(typed);
    if (!parsed.success) return data({ error: "errors.sha256", hash: null, matches: [] }, { status: 400 });
    hash = parsed.data;
  }
  if (!hash) return data({ error: "errors.fileOrHash", hash: null, matches: [] }, { status: 400 });
  const matches = await verifyFingerprint(hash);
  return { error: null, hash, matches: matches.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}

export default function Verify() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, msg, date } = useT();
  const formRef = useRef<HTMLFormElement>(null);

  // With JavaScript the file never leaves the browser: its SHA-256 is computed here and sent alone.
  useEffect(() => {
    const form = formRef.current;
    if (!form || !globalThis.crypto?.subtle) return;
    const onSubmit = async (e: SubmitEvent) => {
      const input = form.elements.namedItem("file") as HTMLInputElement | null;
      const file = input?.files?.[0];
      if (!file || form.dataset.hashed === "1") return;
      e.preventDefault();
      const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
      const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
      (form.elements.namedItem("sha256") as HTMLInputElement).value = hex;
      input!.value = "";
      form.dataset.hashed = "1";
      form.requestSubmit();
      form.dataset.hashed = "0";
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);

  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.intro")}</p>
      <p className="hint">{t("verify.privacy")}</p>
      <p className="hint">{t("verify.fingerprints")}</p>
      <Form method="post" encType="multipart/form-data" className="stack" ref={formRef}>
        <div className="field">
          <label htmlFor="verify-file">{t("verify.file")}</label>
          <input id="verify-file" type="file" name="file" />
        </div>
        <div className="field">
          <label htmlFor="verify-hash">{t("verify.hash")}</label>
          <input id="verify-hash" type="text" name="sha256" inputMode="text" autoComplete="off" spellCheck={false} className="copy-field" />
        </div>
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("verify.submit")}
        </button>
      </Form>
      {result?.error ? (
        <div className="form-errors" role="alert">
          <p>{msg(result.error)}</p>
        </div>
      ) : null}
      {result && !result.error ? (
        result.matches.length ? (
          <div className="callout success" role="status">
            <h2>{t("verify.genuine")}</h2>
            {result.matches.map((m, i) => (
              <p key={i}>
                {t(m.kind === "document" ? "verify.matchDocument" : "verify.matchFile")}{" "}
                {t("verify.genuineBody", { organization: m.organization, format: m.format.toUpperCase(), date: date(m.createdAt, true) })}
              </p>
            ))}
            <p>
              <code className="details">{result.hash}</code>
            </p>
          </div>
        ) : (
          <div className="callout warning" role="status">
            <h2>{t("verify.unknown")}</h2>
            <p>{t("verify.unknownBody", { hash: result.hash ?? "" })}</p>
          </div>
        )
      ) : null}
    </div>
  );
}
