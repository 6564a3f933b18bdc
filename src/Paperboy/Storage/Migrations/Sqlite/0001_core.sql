CREATE TABLE papers (
    id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    title TEXT NOT NULL,
    abstract TEXT NOT NULL DEFAULT '',
    authors TEXT NOT NULL DEFAULT '[]',
    categories TEXT NOT NULL DEFAULT '[]',
    published_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    comment TEXT NULL,
    journal_ref TEXT NULL,
    doi TEXT NULL,
    project_page TEXT NULL,
    github_repo TEXT NULL,
    github_stars INTEGER NULL,
    ai_summary TEXT NULL,
    ai_keywords TEXT NOT NULL DEFAULT '[]',
    thumbnail TEXT NULL,
    imported_upvotes INTEGER NOT NULL DEFAULT 0,
    local_upvotes INTEGER NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0,
    imported_comments INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_papers_published_at ON papers (published_at);

CREATE TABLE featured_papers (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    paper_id TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    featured_at TEXT NOT NULL,
    source INTEGER NOT NULL,
    submitted_by TEXT NULL,
    submitted_by_name TEXT NULL,
    submitter_user_id INTEGER NULL
);
CREATE UNIQUE INDEX ix_featured_papers_paper_id ON featured_papers (paper_id);
CREATE INDEX ix_featured_papers_day ON featured_papers (day);

CREATE TABLE import_runs (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    scope TEXT NOT NULL,
    cursor TEXT NULL,
    status INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NULL,
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    error TEXT NULL
);
CREATE INDEX ix_import_runs_source_scope ON import_runs (source, scope);

CREATE TABLE job_leases (
    name TEXT NOT NULL PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
