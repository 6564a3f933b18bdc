-- HF compatibility (issue 14): what HF's daily list says about each entry, kept on the featured row. Existing rows keep
-- every value they had; the new columns are empty (published_at NULL reads as the paper's) until HF's day is imported again.
ALTER TABLE featured_papers ADD COLUMN published_at TEXT NULL;
ALTER TABLE featured_papers ADD COLUMN hf_position INTEGER NULL;
ALTER TABLE featured_papers ADD COLUMN discussion_id TEXT NULL;
ALTER TABLE featured_papers ADD COLUMN media_urls TEXT NOT NULL DEFAULT '[]';
ALTER TABLE featured_papers ADD COLUMN github_repo_added_by TEXT NULL;
ALTER TABLE featured_papers ADD COLUMN ai_summary_model TEXT NULL;
ALTER TABLE featured_papers ADD COLUMN is_author_participating INTEGER NOT NULL DEFAULT 0;
ALTER TABLE featured_papers ADD COLUMN organization_name TEXT NULL;
ALTER TABLE featured_papers ADD COLUMN organization_avatar TEXT NULL;
