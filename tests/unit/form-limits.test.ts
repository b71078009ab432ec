/**
 * Issue 12.4–12.5: forms are refused WHILE PARSING, before Conform/Zod build arrays and before
 * anything renders; multipart uploads go to disk with a cap on parts; every route reads its form
 * through the checked helpers.
 */
import fs from "node:fs";
import path from "node:path";
import { MaxPartSizeExceededError, NodeOnDiskFile } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import * as dpiaRoute from "~/routes/o.$org.activities.$ref.dpia/route.tsx";
import * as activityEdit from "~/routes/o.$org.activities.$ref.edit.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkForm, FORM_LIMITS, readForm, readMultipartForm } from "~/utils/form-limits.server.ts";
import { createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";
import { routeSourceFiles } from "../helpers/route-files.ts";
import { call } from "./route-helpers.ts";

const entries = (o: Record<string, string>) => Object.entries(o);

describe("checkForm", () => {
  it("accepts an ordinary form", () => {
    expect(
      checkForm(entries({ revision: "1", "content.name": "Cantine", "content.purposes.sub[0]": "a", "content.dataCategories[49].source": "x" })),
    ).toBeNull();
  });
  it("refuses list indices past the limit, however they are written", () => {
    expect(checkForm(entries({ "content.purposes.sub[100000]": "x" }))).toMatchObject({ status: 400, key: "integrity.formIndexOutOfRange" });
    expect(checkForm(entries({ "actionPlan[5000].measure": "x" }))).toMatchObject({ status: 400, key: "integrity.formIndexOutOfRange" });
    expect(checkForm(entries({ "a[0000000000000001]": "x" }))).toMatchObject({ status: 400 });
    expect(checkForm(entries({ [`a[${FORM_LIMITS.maxListIndex}]`]: "x" }))).toBeNull();
    expect(checkForm(entries({ [`a[${FORM_LIMITS.maxListIndex + 1}]`]: "x" }))).toMatchObject({ status: 400 });
  });
  it("refuses deep or long names, too many fields and huge values", () => {
    expect(checkForm(entries({ "a.b.c.d.e.f.g": "x" }))).toMatchObject({ status: 400, key: "integrity.formTooDeep" });
    expect(checkForm(entries({ [`a[0][0][0][0][0][0][0]`]: "x" }))).toMatchObject({ status: 400, key: "integrity.formTooDeep" });
    expect(checkForm(entries({ ["n".repeat(300)]: "x" }))).toMatchObject({ status: 400 });
    expect(checkForm(Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i): [string, string] => [`f${i}`, "x"]))).toMatchObject({
      status: 413,
      key: "integrity.formTooLarge",
    });
    expect(checkForm(entries({ description: "x".repeat(FORM_LIMITS.maxValueLength + 1) }))).toMatchObject({ status: 413, key: "integrity.formValueTooLong" });
  });
  it("readForm throws a translated 400 Response for an unreadable body", async () => {
    const bad = new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=zz" }, body: "garbage" });
    const thrown = await readForm(bad).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).json()).toEqual({ integrity: { key: "integrity.formBadBody", params: {} } });
  });
});

describe("the 73-byte freeze (issue 12.4) is a 400 with nothing written", () => {
  let slug: string;
  let ref: string;
  let editor: string;
  let orgId: string;
  beforeAll(async () => {
    const { org } = await createOrg();
    slug = org.slug;
    orgId = org.id;
    const deps = await listDepartments(org.id);
    const a = await createActivity((await createUser()).id, org.id, { content: ActivityContentSchema.parse({ name: "Cantine" }), departmentId: deps[0]!.id });
    ref = a.ref;
    editor = (await signedInMember(org.id, "EDITOR", [deps[0]!.id])).cookie;
  });

  it("content.purposes.sub[100000]=x on an activity edit", async () => {
    const before = await getDb().activity.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    const res = await call(
      activityEdit.action,
      request(`/o/${slug}/activities/${ref}/edit`, {
        method: "POST",
        cookie: editor,
        body: form({ revision: "1", "content.name": "X", "content.purposes.sub[100000]": "x" }),
      }),
      { org: slug, ref },
    );
    expect(res.status).toBe(400);
    expect(res.thrown).toBe(true);
    expect(res.data).toMatchObject({ integrity: { key: "integrity.formIndexOutOfRange" } });
    expect(await getDb().activity.findFirstOrThrow({ where: { organizationId: orgId, ref } })).toEqual(before);
  });

  it("actionPlan[5000].measure=x on a DPIA", async () => {
    expect(
      (
        await call(dpiaRoute.action, request(`/o/${slug}/activities/${ref}/dpia`, { method: "POST", cookie: editor, body: form({ intent: "start" }) }), {
          org: slug,
          ref,
        })
      ).status,
    ).toBe(302);
    const res = await call(
      dpiaRoute.action,
      request(`/o/${slug}/activities/${ref}/dpia`, {
        method: "POST",
        cookie: editor,
        body: form({ intent: "save", version: "1", "actionPlan[5000].measure": "x" }),
      }),
      { org: slug, ref },
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ integrity: { key: "integrity.formIndexOutOfRange" } });
  });
});

describe("multipart uploads (issue 12.5)", () => {
  const multipart = (parts: number, fileBytes = 10) => {
    const fd = new FormData();
    fd.set("file", new File([new Uint8Array(fileBytes)], "doc.pdf"));
    for (let i = 1; i < parts; i++) fd.append(`f${i}`, "x");
    return new Request("http://localhost/x", { method: "POST", body: fd });
  };

  it("streams file parts to disk and keeps the file's name", async () => {
    const fd = await readMultipartForm(multipart(3, 5000), { maxFileBytes: 10_000 });
    const file = fd.get("file");
    expect(file).toBeInstanceOf(NodeOnDiskFile);
    expect((file as unknown as NodeOnDiskFile).name).toBe("doc.pdf");
    expect((file as unknown as NodeOnDiskFile).size).toBe(5000);
    expect(fd.get("f1")).toBe("x");
  });

  it("refuses more parts than the limit with 413, and a file over its cap", async () => {
    const many = await readMultipartForm(multipart(FORM_LIMITS.maxParts + 1), { maxFileBytes: 10_000 }).catch((e: unknown) => e);
    expect(many).toBeInstanceOf(Response);
    expect((many as Response).status).toBe(413);
    const big = await readMultipartForm(multipart(1, 20_000), { maxFileBytes: 10_000 }).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(MaxPartSizeExceededError);
  });
});

describe("every route reads its form through the checked helpers", () => {
  it("no route calls request.formData() or the multipart parser directly", () => {
    const files = routeSourceFiles();
    expect(files.length).toBeGreaterThan(60);
    const offenders = files
      .filter((f) => /formData\(\)|parseMultipartFormData/.test(fs.readFileSync(f, "utf8")))
      .filter((f) => /request\.formData\(\)|unstable_parseMultipartFormData\(/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});
