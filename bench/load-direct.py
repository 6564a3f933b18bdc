#!/usr/bin/env python3
"""Fallback loader for bench/daily-page.sh while `paperboy import` is not available: direct SQL inserts into a
migrated SQLite database. Usage: load-direct.py DB SNAPSHOT.jsonl.gz HF_DAILY_DIR"""
import gzip, json, os, sqlite3, sys
from datetime import datetime, timezone

db_path, snapshot, hf_dir = sys.argv[1:4]
db = sqlite3.connect(db_path)
now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")

def ts(text):
    """HF's 2026-08-20T00:00:00.000Z or arXiv's 'Tue, 18 Mar 2025 00:00:00 GMT' -> EF Core's SQLite text form."""
    for fmt in ("%Y-%m-%dT%H:%M:%S.%fZ", "%a, %d %b %Y %H:%M:%S %Z"):
        try: return datetime.strptime(text, fmt).strftime("%Y-%m-%d %H:%M:%S")
        except ValueError: pass
    raise ValueError(text)

papers = 0
with gzip.open(snapshot, "rt") as f:
    rows = []
    for line in f:
        p = json.loads(line)
        authors = [" ".join(x for x in (a[1], a[0], a[2]) if x) for a in p["authors_parsed"]]
        created = ts(p["versions"][0]["created"]); updated = ts(p["versions"][-1]["created"])
        rows.append((p["id"], len(p["versions"]), p["title"], p["abstract"], json.dumps(authors),
                     json.dumps(p["categories"].split()), created, updated, p["comments"], now))
        papers += 1
    db.executemany("""INSERT OR IGNORE INTO papers (id, version, title, abstract, authors, categories, published_at, updated_at,
                      comment, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)""", rows)

featured = 0
for name in sorted(os.listdir(hf_dir)):
    try: entries = json.load(open(os.path.join(hf_dir, name)))
    except ValueError: continue
    if not isinstance(entries, list): continue
    for e in entries:
        if not isinstance(e, dict): continue
        p = e["paper"]
        authors = [a["name"] for a in p.get("authors", [])]
        published = ts(p["publishedAt"])
        db.execute("""INSERT INTO papers (id, title, abstract, authors, published_at, updated_at, project_page, github_repo,
                      github_stars, ai_summary, ai_keywords, thumbnail, imported_upvotes, imported_comments, created_at)
                      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                      ON CONFLICT (id) DO UPDATE SET imported_upvotes = excluded.imported_upvotes,
                      github_repo = excluded.github_repo, github_stars = excluded.github_stars, project_page = excluded.project_page""",
                   (p["id"], p["title"], p.get("summary", ""), json.dumps(authors), published, published, p.get("projectPage"),
                    p.get("githubRepo"), p.get("githubStars"), p.get("ai_summary"), json.dumps(p.get("ai_keywords", [])),
                    e.get("thumbnail"), p.get("upvotes", 0), e.get("numComments", 0), now))
        by = p.get("submittedOnDailyBy") or {}
        at = ts(p["submittedOnDailyAt"]) if "submittedOnDailyAt" in p else name[:10] + " 00:00:00"
        cur = db.execute("""INSERT OR IGNORE INTO featured_papers (paper_id, day, featured_at, source, submitted_by, submitted_by_name)
                            VALUES (?,?,?,0,?,?)""", (p["id"], at[:10], at, by.get("name"), by.get("fullname")))
        featured += cur.rowcount
db.commit()
print(f"loaded {papers} snapshot papers, {featured} featured entries")
