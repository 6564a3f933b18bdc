"""Seeds a migrated Paperboy SQLite database for the digest benchmark (run `paperboy migrate` first).

- papers: every paper of ../shared/data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz (real titles, abstracts, authors)
- featured: 30 papers per listing day for the two weeks before --send-day, with upvotes
- subscribers: --subscribers confirmed addresses (80 % daily, 20 % weekly), each with 1 to 3 watch-lists drawn
  (Zipf-like, so popular topics are shared) from a pool of real title phrases, words, author:Lastname and cat:,
  a fifth of them with an exclusion.

usage: python3 seed.py DB_FILE [--subscribers 100000] [--send-day 2026-06-08]
"""
import argparse, collections, datetime, gzip, json, os, random, re, sqlite3

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "arxiv-snapshot", "arxiv-metadata-75k.jsonl.gz")
STOP = set("a an the of for in on and with to via from by is are as at we our using towards toward its into".split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--subscribers", type=int, default=100_000)
    ap.add_argument("--send-day", default="2026-06-08")
    args = ap.parse_args()
    rng = random.Random(42)
    send_day = datetime.date.fromisoformat(args.send_day)
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA synchronous=OFF")
    now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")

    papers, by_day = [], collections.defaultdict(list)
    words, bigrams, authors, cats = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    with gzip.open(DATA, "rt") as f:
        for line in f:
            d = json.loads(line)
            created = datetime.datetime.strptime(d["versions"][0]["created"], "%a, %d %b %Y %H:%M:%S %Z")
            names = [f"{p[1]} {p[0]}".strip() for p in d["authors_parsed"]]
            categories = d["categories"].split()
            papers.append((d["id"], d["title"], d["abstract"], json.dumps(names), json.dumps(categories),
                           created.strftime("%Y-%m-%d %H:%M:%S"), rng.randint(0, 80), now))
            by_day[created.date()].append(d["id"])
            toks = [t for t in re.findall(r"[a-z0-9]+", d["title"].lower())]
            words.update(t for t in toks if t not in STOP and len(t) > 3)
            bigrams.update(f"{a} {b}" for a, b in zip(toks, toks[1:]) if a not in STOP and b not in STOP)
            authors.update(p[0] for p in d["authors_parsed"] if len(p[0]) > 2)
            cats.update(categories)
    db.executemany("INSERT OR IGNORE INTO papers (id, version, title, abstract, authors, categories, published_at, updated_at, imported_upvotes, created_at) "
                   "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", [(p[0], p[1], p[2], p[3], p[4], p[5], p[5], p[6], p[7]) for p in papers])
    featured = []
    for offset in range(1, 15):
        day = send_day - datetime.timedelta(days=offset)
        for pid in by_day.get(day, [])[:30]:
            featured.append((pid, day.isoformat(), now))
    db.executemany("INSERT OR IGNORE INTO featured_papers (paper_id, day, featured_at, source) VALUES (?, ?, ?, 1)", featured)

    pool = ([w for w, _ in words.most_common(1500)] + [f'"{b}"' if rng.random() < .3 else b for b, _ in bigrams.most_common(2500)]
            + [f"author:{a}" for a, _ in authors.most_common(1500)] + [f"cat:{c}" for c, _ in cats.most_common(40)])
    rng.shuffle(pool)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(pool))]
    subs, lists = [], []
    for i in range(1, args.subscribers + 1):
        subs.append((i, f"reader{i}@bench.example", 0 if rng.random() < .8 else 1, now, now))
        for q in set(rng.choices(pool, weights, k=rng.randint(1, 3))):
            if rng.random() < .2:
                q += " -" + rng.choice(["diffusion", "survey", "benchmark", "quantum", "medical"])
            lists.append((i, q, now))
    db.executemany("INSERT INTO digest_subscriptions (id, email, frequency, confirmed_at, created_at) VALUES (?, ?, ?, ?, ?)", subs)
    db.executemany("INSERT INTO digest_watchlists (subscription_id, query, created_at) VALUES (?, ?, ?)", lists)
    db.commit()
    print(f"{len(papers)} papers, {len(featured)} featured, {len(subs)} subscribers, {len(lists)} watch-lists "
          f"({len(set(q for _, q, _ in lists))} distinct)")


if __name__ == "__main__":
    main()
