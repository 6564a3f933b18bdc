-- Search: a weighted tsvector over papers (title A, abstract B, authors C), generated so that every writer keeps it
-- in step, with a RUM index: RUM orders by rank (<=>) inside the index, so a common word over a million papers
-- returns its top results without ranking every match (ts_rank over a GIN match set takes seconds there).
CREATE EXTENSION IF NOT EXISTS rum;

ALTER TABLE papers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', abstract), 'B') ||
    setweight(to_tsvector('simple', authors), 'C')
) STORED;

CREATE INDEX ix_papers_search_vector ON papers USING rum (search_vector rum_tsvector_ops);

-- One vector per paper and model: float32 little-endian, unit length. A paper whose title or abstract changes loses
-- its vectors (trigger below), so the background embedder computes them again.
CREATE TABLE paper_embeddings (
    paper_id text NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    model text NOT NULL,
    vector bytea NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (paper_id, model)
);
CREATE INDEX ix_paper_embeddings_model ON paper_embeddings (model);

CREATE FUNCTION papers_forget_embeddings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM paper_embeddings WHERE paper_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER papers_forget_embeddings AFTER UPDATE OF title, abstract ON papers
FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.abstract IS DISTINCT FROM NEW.abstract)
EXECUTE FUNCTION papers_forget_embeddings();
