-- Hand-written (issue 18, ADR 021): the search index also indexes the organization and the activity id.
-- A search then matches `{organizationId}: "<id>"` inside FTS5, so it reads only its organization's
-- matches (it read every organization's, then filtered each on the UNINDEXED column), and a save finds
-- the activity's row through the index instead of scanning the whole table. Same columns in the same
-- order: the writers (indexActivity, the import's batched insert) are unchanged. The searched columns
-- are named in every query's MATCH (`{name purposes description categories department}`), so a user's
-- words never match an id. FTS5 cannot alter a column: the table is rebuilt, rowids kept.
CREATE VIRTUAL TABLE "ActivitySearch_rebuilt" USING fts5(
  activityId,
  organizationId,
  name,
  purposes,
  description,
  categories,
  department,
  tokenize = "unicode61 remove_diacritics 2"
);

INSERT INTO "ActivitySearch_rebuilt" (rowid, activityId, organizationId, name, purposes, description, categories, department)
SELECT rowid, activityId, organizationId, name, purposes, description, categories, department FROM "ActivitySearch";

DROP TABLE "ActivitySearch";

ALTER TABLE "ActivitySearch_rebuilt" RENAME TO "ActivitySearch";
