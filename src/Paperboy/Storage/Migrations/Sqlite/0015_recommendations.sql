-- "For you": papers a reader dismissed ("not interested": never shown again, and a negative example for their model),
-- and the hash of each reader's private feed secret (the link is shown once; a new one replaces it).
CREATE TABLE dismissals (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, paper_id)
);
CREATE TABLE feed_secrets (
    user_id INTEGER NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_hash BLOB NOT NULL,
    created_at TEXT NOT NULL
);
