-- HF compatibility (issue 14): what HF's daily list says about each entry, kept on the featured row. Existing rows keep
-- every value they had; the new columns are empty (published_at NULL reads as the paper's) until HF's day is imported again.
ALTER TABLE featured_papers
    ADD COLUMN published_at timestamptz NULL,
    ADD COLUMN hf_position integer NULL,
    ADD COLUMN discussion_id text NULL,
    ADD COLUMN media_urls text NOT NULL DEFAULT '[]',
    ADD COLUMN github_repo_added_by text NULL,
    ADD COLUMN ai_summary_model text NULL,
    ADD COLUMN is_author_participating boolean NOT NULL DEFAULT false,
    ADD COLUMN organization_name text NULL,
    ADD COLUMN organization_avatar text NULL;
