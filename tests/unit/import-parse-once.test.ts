/**
 * Issue 18 (ADR 025): the confirmation of an import does not parse the file its preview page parsed.
 * The same bytes and mapping give the same parsed rows (parsing is pure); another mapping or another file
 * is parsed; a committed import's rows are released; the commit still re-plans against the database.
 */
import { describe, expect, it } from "vitest";
import { commitImport, previewImport } from "~/models/import.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

const enc = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("the file is parsed once for its preview and its commit", () => {
  it("same bytes and mapping: the preview's parse is reused; another mapping or file is parsed again; released once committed", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const file = enc("Nom du traitement;Description;Colonne libre\nCantine;Repas;x\nÉtat civil;Actes;y\n");
    const page = await previewImport(org.id, file);
    const again = await previewImport(org.id, enc("Nom du traitement;Description;Colonne libre\nCantine;Repas;x\nÉtat civil;Actes;y\n"));
    expect(again.parsed).toBe(page.parsed);
    expect(again).toEqual(page);

    const mapped = await previewImport(org.id, file, { 2: "ignore" });
    expect(mapped.parsed).not.toBe(page.parsed);
    expect(mapped.unmatched).toEqual([]);
    const other = await previewImport(org.id, enc("Nom du traitement;Description\nVoirie;Travaux\n"));
    expect(other.rows.map((r) => r.name)).toEqual(["Voirie"]);

    // The page again, then its confirmation: parsed once between them; the commit re-plans on the database.
    const shown = await previewImport(org.id, file);
    const confirmed = await previewImport(org.id, file);
    expect(confirmed.parsed).toBe(shown.parsed);
    // Meanwhile, someone creates "Cantine": the commit's plan sees it and updates it instead of creating it.
    await commitImport(user.id, org.id, await previewImport(org.id, enc("Nom du traitement\nCantine\n")));
    const result = await commitImport(user.id, org.id, confirmed);
    expect([result.created, result.updated]).toEqual([1, 1]);
    expect(await getDb().activity.count({ where: { organizationId: org.id } })).toBe(2);

    // Committed: released, the next preview of the same file parses it again (same result, new rows).
    const after = await previewImport(org.id, file);
    expect(after.parsed).not.toBe(confirmed.parsed);
    expect(after.parsed).toEqual(confirmed.parsed);
  });
});
