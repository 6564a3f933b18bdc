#!/usr/bin/env python3
"""Signs a member in to a running hub through its real sign-in link form and prints the Cookie header a browser would
then send (bench/daily-page.sh gives it to wrk). The link is written straight into the SQLite database, as the email
would carry it; the member gets VOTES votes on the papers of DAY so that their pages show votes of their own.
usage: member-cookie.py DB BASE_URL EMAIL HANDLE DAY VOTES"""
import base64, hashlib, http.cookiejar, os, re, sqlite3, sys, urllib.parse, urllib.request
from datetime import datetime, timedelta, timezone

db_path, base, email, handle, day, votes = sys.argv[1:7]
secret = os.urandom(32)
now = datetime.now(timezone.utc)
stamp = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
db = sqlite3.connect(db_path)
cur = db.execute("INSERT INTO sign_in_links (email, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                 (email, hashlib.sha256(secret).digest(), stamp(now), stamp(now + timedelta(minutes=15))))
db.commit()
token = "sl%d_%s" % (cur.lastrowid, base64.b64encode(secret).decode().rstrip("=").replace("+", "-").replace("/", "."))

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(f"{base}/signin/link?token={urllib.parse.quote(token)}").read().decode()
form = re.search(r'name="__RequestVerificationToken" value="([^"]+)"', page).group(1)
body = urllib.parse.urlencode({"token": token, "handle": handle, "__RequestVerificationToken": form}).encode()
opener.open(f"{base}/signin/link", body).read()
user = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0]
papers = [r[0] for r in db.execute("SELECT paper_id FROM featured_papers WHERE day = ? ORDER BY paper_id LIMIT ?", (day, int(votes)))]
db.executemany("INSERT OR IGNORE INTO upvotes (user_id, paper_id, created_at) VALUES (?, ?, ?)", [(user, p, stamp(now)) for p in papers])
db.commit()
print("; ".join(f"{c.name}={c.value}" for c in jar))
