-- Search: the vector back-fill goes newest first, keyed by (published_at, id); this index serves it in order and
-- every query the published_at index served (it is its prefix), so it replaces that one.
CREATE INDEX ix_papers_published_at_id ON papers (published_at, id);
DROP INDEX ix_papers_published_at;
