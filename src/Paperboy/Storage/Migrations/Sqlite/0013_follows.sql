-- Readers follow people (kind 1: their upvotes and submissions), organisations (2) and author names (3). name_key is
-- the name folded to lower case; a followed person is kept by id, since a handle can change.
CREATE TABLE follows (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind INTEGER NOT NULL CHECK (kind IN (1, 2, 3)),
    name_key TEXT NOT NULL,
    name TEXT NOT NULL,
    followed_user_id INTEGER NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, name_key)
);
CREATE INDEX ix_follows_followed_user_id ON follows (followed_user_id);
CREATE INDEX ix_follows_kind_name_key ON follows (kind, name_key);
