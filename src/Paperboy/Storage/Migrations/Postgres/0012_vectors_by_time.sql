-- Several instances: each loads the vectors stored since it last looked (by the instance that back-fills, or by
-- `paperboy embed`); this index serves "stored after t" without reading every vector. It replaces the index on model
-- alone (its prefix).
CREATE INDEX ix_paper_embeddings_model_created_at ON paper_embeddings (model, created_at);
DROP INDEX ix_paper_embeddings_model;
