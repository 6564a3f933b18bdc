-- Search: an FTS5 index over papers (external content: the text is stored once, in papers) kept in step by
-- triggers with every writer, and the stored sentence vectors of papers.
-- papers has a TEXT key, so the index is keyed by papers' implicit rowid; a VACUUM may renumber rowids, after
-- which `paperboy search reindex` rebuilds the index.
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, authors,
    content = 'papers', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER papers_fts_after_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts (rowid, title, abstract, authors) VALUES (new.rowid, new.title, new.abstract, new.authors);
END;

CREATE TRIGGER papers_fts_after_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts (papers_fts, rowid, title, abstract, authors) VALUES ('delete', old.rowid, old.title, old.abstract, old.authors);
END;

CREATE TRIGGER papers_fts_after_update AFTER UPDATE OF title, abstract, authors ON papers
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract OR old.authors IS NOT new.authors BEGIN
    INSERT INTO papers_fts (papers_fts, rowid, title, abstract, authors) VALUES ('delete', old.rowid, old.title, old.abstract, old.authors);
    INSERT INTO papers_fts (rowid, title, abstract, authors) VALUES (new.rowid, new.title, new.abstract, new.authors);
END;

INSERT INTO papers_fts (papers_fts) VALUES ('rebuild');

-- One vector per paper and model: float32 little-endian, unit length. A paper whose title or abstract changes loses
-- its vectors (trigger below), so the background embedder computes them again.
CREATE TABLE paper_embeddings (
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (paper_id, model)
);
CREATE INDEX ix_paper_embeddings_model ON paper_embeddings (model);

CREATE TRIGGER papers_embeddings_after_update AFTER UPDATE OF title, abstract ON papers
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract BEGIN
    DELETE FROM paper_embeddings WHERE paper_id = new.id;
END;
