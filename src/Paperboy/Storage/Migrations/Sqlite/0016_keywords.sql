-- Keywords computed from a paper's own title and abstract (Domain/Keyphrases), for the papers HF never saw; HF's
-- ai_keywords stay apart and are preferred for display. Existing rows get theirs when arXiv's metadata is next imported.
ALTER TABLE papers ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
