-- Bulk imports index for keyword search afterwards. FTS5 writes its pending terms to disk at the end of every
-- statement that touches it, so the row-by-row insert trigger of 0005 turns a 75k-paper snapshot into 75k tiny
-- index segments (about 8x the work of indexing the same rows in large statements). A bulk batch therefore swaps
-- that trigger, inside its own transaction, for one that only queues the new rowid here; SqliteKeywordQueue then
-- indexes the queue in large statements, at the end of the import or in the background. Every other writer still
-- indexes as it writes (the triggers below), so the queue only ever holds papers the index has never seen.
CREATE TABLE papers_fts_pending (paper_rowid INTEGER PRIMARY KEY);

-- A queued paper is not in the index yet: an edit or a delete has nothing to take out of it.
DROP TRIGGER papers_fts_after_update;
CREATE TRIGGER papers_fts_after_update AFTER UPDATE OF title, abstract, authors ON papers
WHEN (old.title IS NOT new.title OR old.abstract IS NOT new.abstract OR old.authors IS NOT new.authors)
 AND NOT EXISTS (SELECT 1 FROM papers_fts_pending WHERE paper_rowid = old.rowid) BEGIN
    INSERT INTO papers_fts (papers_fts, rowid, title, abstract, authors) VALUES ('delete', old.rowid, old.title, old.abstract, old.authors);
    INSERT INTO papers_fts (rowid, title, abstract, authors) VALUES (new.rowid, new.title, new.abstract, new.authors);
END;

DROP TRIGGER papers_fts_after_delete;
CREATE TRIGGER papers_fts_after_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts (papers_fts, rowid, title, abstract, authors)
    SELECT 'delete', old.rowid, old.title, old.abstract, old.authors
    WHERE NOT EXISTS (SELECT 1 FROM papers_fts_pending WHERE paper_rowid = old.rowid);
    DELETE FROM papers_fts_pending WHERE paper_rowid = old.rowid;
END;
