-- Hand-written (issue 18, ADR 021, third pass): the search index is keyed by Activity's rowid. An FTS5
-- row's rowid is its activity's rowid, so a search's match set is a set of rowids that Activity's
-- indexes hold (every index ends with the rowid): the page and the count no longer read each match's
-- activityId from the FTS content table. Writers: indexActivity, the import's batched insert (by the
-- rowids `searchKeys` reads back), the benchmarks' copies. Same columns in the same order; the table is
-- rebuilt from the existing rows, each under its activity's rowid (rows of activities that no longer
-- exist are left out; were an activity ever to have two rows, the later one is kept). A migration that later rebuilds "Activity" (Prisma's table redefinition renumbers
-- rowids) must re-key this index the same way: tests/unit/search-keys.test.ts checks it.
CREATE VIRTUAL TABLE "ActivitySearch_rekeyed" USING fts5(
  activityId,
  organizationId,
  name,
  purposes,
  description,
  categories,
  department,
  tokenize = "unicode61 remove_diacritics 2"
);

INSERT OR REPLACE INTO "ActivitySearch_rekeyed" (rowid, activityId, organizationId, name, purposes, description, categories, department)
SELECT a.rowid, s.activityId, s.organizationId, s.name, s.purposes, s.description, s.categories, s.department
FROM "ActivitySearch" s JOIN "Activity" a ON a."id" = s.activityId
ORDER BY s.rowid;

DROP TABLE "ActivitySearch";

ALTER TABLE "ActivitySearch_rekeyed" RENAME TO "ActivitySearch";

-- An activity's search row goes with it, whatever deletes it (a cascade from its organization included):
-- a row left behind under a rowid SQLite may give to the next activity would block that activity's insert.
CREATE TRIGGER "Activity_search_delete" AFTER DELETE ON "Activity" BEGIN
  DELETE FROM "ActivitySearch" WHERE rowid = OLD.rowid;
END;
