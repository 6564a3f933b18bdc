#!/usr/bin/env python3
"""Builds the search-quality corpus from ../shared/data: a fixed random sample of the HF daily papers that have
ai_keywords (the queries) plus a fixed random sample of the 75k arXiv snapshot as distractors. The sizes are
small enough to embed with both candidate models in about ten minutes each, niced, on the 2-core machine. Writes JSON lines
{id,title,abstract,authors,categories,published,keywords} to the given file (under /tmp, never the repo)."""
import glob, gzip, json, os, random, sys

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/data")
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/paperboy-eval/corpus.jsonl"
hf_sample = int(sys.argv[3]) if len(sys.argv) > 3 else 3000  # 0: every HF paper
distractors = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
os.makedirs(os.path.dirname(out), exist_ok=True)
papers = {}
for path in sorted(glob.glob(os.path.join(data, "hf-daily-papers", "*.json"))):
    try:
        day = json.load(open(path))
    except ValueError:
        continue
    if not isinstance(day, list):
        continue
    for entry in day:
        if not isinstance(entry, dict) or "paper" not in entry:
            continue
        p = entry["paper"]
        papers[p["id"]] = {
            "id": p["id"], "title": " ".join(p["title"].split()), "abstract": " ".join(p.get("summary", "").split()),
            "authors": [a["name"] for a in p.get("authors", [])], "categories": [],
            "published": p.get("publishedAt", "")[:10], "keywords": p.get("ai_keywords") or [],
            "upvotes": p.get("upvotes", 0), "summary": " ".join((p.get("ai_summary") or "").split()),
        }
if hf_sample > 0:
    with_keywords = sorted(k for k, p in papers.items() if p["keywords"])
    random.Random(20261126).shuffle(with_keywords)
    papers = {k: papers[k] for k in sorted(with_keywords[:hf_sample])}
else:
    papers = {k: papers[k] for k in sorted(papers) if papers[k]["abstract"]}
snapshot = []
with gzip.open(os.path.join(data, "arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz"), "rt") as f:
    for line in f:
        snapshot.append(json.loads(line))
random.Random(20261126).shuffle(snapshot)
added = 0
for s in snapshot:
    if added >= distractors:
        break
    if s["id"] in papers:
        continue
    papers[s["id"]] = {
        "id": s["id"], "title": " ".join(s["title"].split()), "abstract": " ".join(s["abstract"].split()),
        "authors": [a.strip() for a in s["authors"].split(",")], "categories": s["categories"].split(),
        "published": s["update_date"], "keywords": [], "upvotes": 0, "summary": "",
    }
    added += 1
with open(out, "w") as f:
    for p in papers.values():
        f.write(json.dumps(p) + "\n")
print(f"{len(papers)} papers ({sum(1 for p in papers.values() if p['keywords'])} with ai_keywords) -> {out}")
