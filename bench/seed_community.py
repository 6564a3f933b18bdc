#!/usr/bin/env python3
"""Writes SQL that adds N papers featured today and M people with one API token each, and the token and paper files
bench/upvotes.lua reads. Tokens have Paperboy's format (pb_{id}_{secret}); only SHA-256 of the secret goes in the SQL."""
import base64, hashlib, os, sys, datetime

out_dir, papers, people, engine = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
today = now[:10]
blob = (lambda h: f"X'{h}'") if engine == "sqlite" else (lambda h: f"'\\x{h}'::bytea")
false = "0" if engine == "sqlite" else "false"
sql, ids, tokens = ["BEGIN;"], [], []
for i in range(1, papers + 1):
    pid = f"2611.{i:05d}"
    ids.append(pid)
    sql.append(f"INSERT INTO papers (id, title, published_at, updated_at, created_at) VALUES ('{pid}', 'Bench paper {i}', '{now}', '{now}', '{now}');")
    sql.append(f"INSERT INTO featured_papers (paper_id, day, featured_at, source) VALUES ('{pid}', '{today}', '{now}', 0);")
for u in range(1, people + 1):
    sql.append(f"INSERT INTO users (id, handle, email, role, security_stamp, created_at) VALUES ({u}, 'bench{u}', 'bench{u}@example.org', 0, 's{u}', '{now}');")
    secret = os.urandom(32)
    sql.append(f"INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at) VALUES ({u}, {u}, 'bench', {blob(hashlib.sha256(secret).hexdigest())}, '{now}');")
    text = base64.b64encode(secret).decode().rstrip("=").replace("+", "-").replace("/", ".")
    tokens.append(f"pb_{u}_{text}")
sql.append("COMMIT;")
open(os.path.join(out_dir, "seed.sql"), "w").write("\n".join(sql) + "\n")
open(os.path.join(out_dir, "tokens.txt"), "w").write("\n".join(tokens) + "\n")
open(os.path.join(out_dir, "papers.txt"), "w").write("\n".join(ids) + "\n")
