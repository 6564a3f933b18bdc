-- Email digests: subscriptions (double opt-in), watch-lists, the outbox, and what each subscriber was already sent.
CREATE TABLE digest_subscriptions (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    frequency INTEGER NOT NULL,
    confirm_nonce TEXT NULL,
    confirm_sent_at TEXT NULL,
    confirmed_at TEXT NULL,
    unsubscribed_at TEXT NULL,
    user_id INTEGER NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_digest_subscriptions_email ON digest_subscriptions (email);

CREATE TABLE digest_watchlists (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_digest_watchlists_subscription_query ON digest_watchlists (subscription_id, query);

CREATE TABLE digest_sent_matches (
    subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
    paper_id TEXT NOT NULL,
    digest_key TEXT NOT NULL,
    PRIMARY KEY (subscription_id, paper_id)
);
CREATE INDEX ix_digest_sent_matches_paper_id ON digest_sent_matches (paper_id);

CREATE TABLE digest_outbox (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind INTEGER NOT NULL,
    digest_key TEXT NULL,
    subscription_id INTEGER NULL REFERENCES digest_subscriptions (id) ON DELETE SET NULL,
    recipient TEXT NOT NULL,
    message_id TEXT NOT NULL,
    content TEXT NOT NULL,
    status INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_by TEXT NULL,
    locked_until TEXT NULL,
    last_error TEXT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT NULL
);
CREATE UNIQUE INDEX ix_digest_outbox_message_id ON digest_outbox (message_id);
CREATE UNIQUE INDEX ix_digest_outbox_digest_key_subscription ON digest_outbox (digest_key, subscription_id);
CREATE INDEX ix_digest_outbox_status_id ON digest_outbox (status, id);

CREATE TABLE digest_keys (
    name TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
