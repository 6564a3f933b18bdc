-- Organisation pages (/orgs/{name}) find an organisation's featured papers by HF's name, whatever its case.
CREATE INDEX ix_featured_papers_organization ON featured_papers (lower(organization_name), day);
