-- Readers follow people (kind 1: their upvotes and submissions), organisations (2) and author names (3). name_key is
-- the name folded to lower case; a followed person is kept by id, since a handle can change.
CREATE TABLE follows (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind integer NOT NULL CHECK (kind IN (1, 2, 3)),
    name_key text NOT NULL,
    name text NOT NULL,
    followed_user_id bigint NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, kind, name_key)
);
CREATE INDEX ix_follows_followed_user_id ON follows (followed_user_id);
CREATE INDEX ix_follows_kind_name_key ON follows (kind, name_key);
