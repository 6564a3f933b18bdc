#!/usr/bin/env python3
"""Signs a member in to a running hub through its real sign-in link form and prints the Cookie header a browser would
then send (bench/daily-page.sh gives it to wrk). The link is written straight into the database, as the email would
carry it; the member gets VOTES votes on the papers of DAY so that their pages show votes of their own.
usage: member-cookie.py DB BASE_URL EMAIL HANDLE DAY VOTES    (DB: a SQLite file, or postgres:PORT for a local cluster)"""
import base64, hashlib, http.cookiejar, os, re, sqlite3, subprocess, sys, urllib.parse, urllib.request
from datetime import datetime, timedelta, timezone

db_path, base, email, handle, day, votes = sys.argv[1:7]
now = datetime.now(timezone.utc)
stamp = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")

def sql(statement):
    """Runs one statement (its values are made here, not typed by anyone) and returns the first column of its rows."""
    if db_path.startswith("postgres:"):
        out = subprocess.run(["psql", "-X", "-At", "-h", "127.0.0.1", "-p", db_path.split(":")[1], "-U", "postgres", "-d", "postgres",
                              "-c", statement], check=True, capture_output=True, text=True).stdout
        return [line.split("|")[0] for line in out.splitlines() if line and not line.startswith("INSERT")]
    with sqlite3.connect(db_path) as db:
        return [str(row[0]) for row in db.execute(statement)]

secret = os.urandom(32)
digest = hashlib.sha256(secret).hexdigest()
blob = f"'\\x{digest}'::bytea" if db_path.startswith("postgres:") else f"X'{digest}'"
link = sql(f"INSERT INTO sign_in_links (email, secret_hash, created_at, expires_at) VALUES ('{email}', {blob}, "
           f"'{stamp(now)}', '{stamp(now + timedelta(minutes=15))}') RETURNING id")[0]
token = "sl%s_%s" % (link, base64.b64encode(secret).decode().rstrip("=").replace("+", "-").replace("/", "."))

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(f"{base}/signin/link?token={urllib.parse.quote(token)}").read().decode()
form = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', page).group(1)
body = urllib.parse.urlencode({"token": token, "handle": handle, "__RequestVerificationToken": form}).encode()
opener.open(f"{base}/signin/link", body).read()
user = sql(f"SELECT id FROM users WHERE email = '{email}'")[0]
sql(f"INSERT INTO upvotes (user_id, paper_id, created_at) SELECT {user}, paper_id, '{stamp(now)}' FROM featured_papers "
    f"WHERE day = '{day}' ORDER BY paper_id LIMIT {int(votes)} ON CONFLICT DO NOTHING")
print("; ".join(f"{c.name}={c.value}" for c in jar))
