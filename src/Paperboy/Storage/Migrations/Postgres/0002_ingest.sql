-- Ingest: the organization HF names for a paper; the day of the HF list its imported numbers (upvotes, comments,
-- stars) come from, so that re-importing an older day never rolls them back; the last run per source (pages show it).
ALTER TABLE papers ADD COLUMN organization text NULL;
ALTER TABLE papers ADD COLUMN imported_list_day date NULL;
CREATE INDEX ix_import_runs_source_id ON import_runs (source, id);
