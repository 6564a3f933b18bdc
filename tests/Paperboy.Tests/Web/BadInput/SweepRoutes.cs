using Paperboy.Domain;
using static Paperboy.Tests.Web.BadInput.BadValues;

namespace Paperboy.Tests.Web.BadInput;

/// <summary>What the routes need to reach their validation: a paper, a comment and a watch-list that exist, a manage link that works.</summary>
public sealed record SweepTargets(string PaperId, string OldStylePaperId, long CommentId, long WatchlistId, string ManageToken);

/// <summary>
/// Every route the README documents (pages, feeds, forms, <c>/api/...</c>), each with the malformed values that fit its
/// inputs: query values, path segments, JSON and form bodies, content types and sizes.
/// </summary>
public static class SweepRoutes
{
    public static IEnumerable<Probe> All(SweepTargets t) =>
        Lists().Concat(PaperPages(t)).Concat(Search()).Concat(People()).Concat(Follows()).Concat(SignIn()).Concat(Account(t)).Concat(PaperForms(t))
            .Concat(Digest(t)).Concat(Admin()).Concat(ListApi()).Concat(PaperApi(t)).Concat(CommentApi(t)).Concat(CuratorApi(t)).Concat(WatchlistApi(t));

    static Probe Page(string url, Sender who = Sender.Anonymous) => new("GET", url, who, Surface.Page);
    static Probe Api(string url, Sender who = Sender.Anonymous, string? field = null) => new("GET", url, who, Surface.Api) { Field = field };

    static IEnumerable<Probe> Lists()
    {
        foreach (var suffix in new[] { "", "/feed.atom" })
        {
            foreach (var d in Days) yield return Page($"/papers/date/{d}{suffix}");
            foreach (var d in EdgeDays) yield return Page($"/papers/date/{d}{suffix}") with { MayPass = true };
            foreach (var w in Weeks) yield return Page($"/papers/week/{w}{suffix}");
            foreach (var w in EdgeWeeks) yield return Page($"/papers/week/{w}{suffix}") with { MayPass = true };
            foreach (var m in Months) yield return Page($"/papers/month/{m}{suffix}");
            foreach (var m in EdgeMonths) yield return Page($"/papers/month/{m}{suffix}") with { MayPass = true };
        }
    }

    static IEnumerable<Probe> Admin()
    {
        foreach (var id in RowIds)
            yield return new Probe("POST", $"/admin/outbox/{id}/resend", Sender.Admin, Surface.Page) { Body = ProbeBody.Form() };
        yield return new Probe("POST", "/admin/outbox/1/resend", Sender.Curator, Surface.Page) { Body = ProbeBody.Form() };
        yield return new Probe("POST", "/admin/outbox/1/resend", Sender.Admin, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "") };
    }

    static IEnumerable<Probe> ListApi()
    {
        foreach (var d in Days) yield return Api($"/api/daily_papers?date={d}", field: "date");
        foreach (var d in EdgeDays) yield return Api($"/api/daily_papers?date={d}") with { MayPass = true };
        foreach (var w in Weeks) yield return Api($"/api/daily_papers?week={w}", field: "week");
        foreach (var w in EdgeWeeks) yield return Api($"/api/daily_papers?week={w}") with { MayPass = true };
        foreach (var m in Months) yield return Api($"/api/daily_papers?month={m}", field: "month");
        foreach (var m in EdgeMonths) yield return Api($"/api/daily_papers?month={m}") with { MayPass = true };
        yield return Api("/api/daily_papers?date=2026-08-21&week=2026-W34", field: "date");
        foreach (var n in Numbers(0, 100_000)) yield return Api($"/api/daily_papers?p={n}", field: "p");
        foreach (var n in Numbers(1, 100)) yield return Api($"/api/daily_papers?limit={n}", field: "limit");
        foreach (var s in new[] { "score", "%00", Huge, "upvotes%00" }) yield return Api($"/api/daily_papers?sort={s}", field: "sort");
        foreach (var s in new[] { "", Huge }) yield return Api($"/api/daily_papers?submitter={s}", field: "submitter");
        yield return Api("/api/daily_papers?submitter=ada%00") with { MayPass = true };
        foreach (var n in Numbers(0, 100_000)) yield return Api($"/api/papers/trending?p={n}", field: "p");
        foreach (var n in Numbers(1, 100)) yield return Api($"/api/papers/trending?limit={n}", field: "limit");
    }

    static IEnumerable<Probe> PaperPages(SweepTargets t)
    {
        foreach (var id in PaperIds)
        {
            yield return Page($"/papers/{id}");
            yield return Page($"/papers/{id}/discussion");
            yield return Page($"/papers/{id}/discussion", Sender.Member);
        }
    }

    static IEnumerable<Probe> Search()
    {
        var numbers = new[] { ("page", Numbers(1, 1000)), ("votes", Numbers(0, int.MaxValue)), ("limit", Numbers(1, 100)) };
        var words = new[]
        {
            ("q", Huge), ("q", "%22%22"), ("q", "-attention"), ("q", "since%3Ayesterday"), ("q", "%00"), ("sort", "best"), ("sort", "%00"),
            ("mode", "magic"), ("mode", Huge), ("from", "2026-02-30"), ("to", "%00"), ("from", Huge),
        };
        foreach (var path in new[] { "/search", "/search/feed", "/api/papers/search" })
        {
            var surface = path == "/search" ? Surface.Page : Surface.Api;
            // Every row has a valid query, so only the value under test is wrong (and nothing reaches the embedding model).
            foreach (var (name, values) in numbers)
            foreach (var v in values)
                yield return new Probe("GET", $"{path}?q=attention&{name}={v}", Sender.Anonymous, surface) { Field = name };
            foreach (var (name, v) in words)
                yield return new Probe("GET", name == "q" ? $"{path}?q={v}" : $"{path}?q=attention&{name}={v}", Sender.Anonymous, surface) { Field = name };
        }
        foreach (var id in PaperIds) yield return Api($"/api/papers/{id}/related", field: "id");
        foreach (var n in Numbers(1, 50)) yield return Api($"/api/papers/2409.01234/related?limit={n}", field: "limit");
    }

    static IEnumerable<Probe> People()
    {
        foreach (var h in Handles)
        {
            yield return Page($"/u/{h}");
            yield return Page($"/u/{h}/upvotes.atom");
        }
    }

    static IEnumerable<Probe> Follows()
    {
        foreach (var h in Handles)
        {
            // Organisations and authors are free text: a printable name nobody has is still one to follow ("../../etc/passwd" too).
            var legal = h is "nobody" or "%3Cscript%3E" or "%FF%FE" or "..%2F..%2F..%2Fetc%2Fpasswd";
            yield return Page($"/orgs/{h}");
            yield return Page($"/orgs/{h}/feed.atom");
            yield return Page($"/authors/{h}") with { MayPass = legal };
            yield return new Probe("PUT", $"/api/follows/authors/{h}", Sender.MemberToken, Surface.Api) { Field = "name", MayPass = legal };
            yield return new Probe("DELETE", $"/api/follows/users/{h}", Sender.MemberToken, Surface.Api) { Field = "name" };
            yield return new Probe("POST", $"/follows/orgs/{h}", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("follow", "true")), MayPass = legal };
        }
        foreach (var n in Numbers(0, 100_000))
        {
            yield return Page($"/papers/following?p={n}", Sender.Member);
            yield return Page($"/orgs/google?p={n}");
        }
    }

    static IEnumerable<Probe> SignIn()
    {
        foreach (var token in Tokens)
        {
            yield return Page($"/signin/link?token={token}");
            yield return new Probe("POST", "/signin/link", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("token", Unescaped(token))) };
        }
        foreach (var email in Emails)
            yield return new Probe("POST", "/signin", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("email", email)) };
        foreach (var path in new[] { "/signin", "/signout", "/account/signout-everywhere" })
            yield return new Probe("POST", path, Sender.Member, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "email=ada%40example.org") };
    }

    static IEnumerable<Probe> Account(SweepTargets t)
    {
        yield return new Probe("POST", "/account/tokens", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("name", new string('n', 101))) };
        yield return new Probe("POST", "/account/tokens", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("name", Oversized)) };
        yield return new Probe("POST", "/account/tokens", Sender.Member, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "name=laptop") };
        yield return new Probe("POST", "/account/tokens", Sender.Member, Surface.Page) { Body = ProbeBody.Json("{\"name\":\"laptop\"}") };
        foreach (var id in RowIds)
        {
            yield return new Probe("POST", $"/account/tokens/{id}/revoke", Sender.Member, Surface.Page) { Body = ProbeBody.Form() };
            yield return new Probe("POST", $"/account/watchlists/{id}/delete", Sender.Member, Surface.Page) { Body = ProbeBody.Form() };
        }
        foreach (var q in Texts.Append("-only").Append("since:yesterday"))
            yield return new Probe("POST", "/account/watchlists", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("query", q)) };
    }

    /// <summary>The forms on a paper's page: upvote, comment, edit, delete, and the curator's.</summary>
    static IEnumerable<Probe> PaperForms(SweepTargets t)
    {
        foreach (var id in PaperIds)
        {
            yield return new Probe("POST", $"/papers/{id}/upvote", Sender.Member, Surface.Page) { Body = ProbeBody.Form() };
            yield return new Probe("POST", $"/papers/{id}/comments", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("text", "fine")) };
            foreach (var action in new[] { "feature", "unfeature", "hide", "unhide" })
                yield return new Probe("POST", $"/papers/{id}/{action}", Sender.Curator, Surface.Page) { Body = ProbeBody.Form(("day", "2026-08-21")) };
        }
        var comments = $"/papers/{t.PaperId}/comments";
        foreach (var text in Texts.Append(Oversized))
        {
            yield return new Probe("POST", comments, Sender.Member, Surface.Page) { Body = ProbeBody.Form(("text", text)) };
            yield return new Probe("POST", $"/comments/{t.CommentId}/edit", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("text", text)) };
        }
        foreach (var parent in new[] { "abc", "-1", "0", "99999999999999999999", "9223372036854775807", "1\0" })
            yield return new Probe("POST", comments, Sender.Member, Surface.Page) { Body = ProbeBody.Form(("text", "fine"), ("parentId", parent)) };
        yield return new Probe("POST", comments, Sender.Member, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "text=fine") };
        yield return new Probe("POST", comments, Sender.Member, Surface.Page) { Body = ProbeBody.Json("{\"text\":\"fine\"}") };
        yield return new Probe("POST", $"/papers/{t.PaperId}/hide", Sender.Curator, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "") };
        foreach (var id in RowIds)
        {
            yield return new Probe("POST", $"/comments/{id}/edit", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("text", "fine")) };
            yield return new Probe("POST", $"/comments/{id}/delete", Sender.Member, Surface.Page) { Body = ProbeBody.Form() };
            yield return new Probe("POST", $"/comments/{id}/hide", Sender.Curator, Surface.Page) { Body = ProbeBody.Form() };
            yield return Page($"/comments/{id}/edit", Sender.Member);
        }
        foreach (var day in Days.Select(Unescaped))
            yield return new Probe("POST", $"/papers/{t.PaperId}/feature", Sender.Curator, Surface.Page) { Body = ProbeBody.Form(("day", day)) };
        foreach (var id in NotIds())
            yield return new Probe("POST", "/papers/submit", Sender.Member, Surface.Page) { Body = ProbeBody.Form(("id", id)) };
    }

    static IEnumerable<Probe> Digest(SweepTargets t)
    {
        foreach (var email in Emails)
        {
            yield return new Probe("POST", "/subscribe", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("email", email)) };
            yield return new Probe("POST", "/api/subscriptions", Sender.Anonymous, Surface.Api) { Body = ProbeBody.Json($"{{\"email\":{Quote(email)}}}"), Field = "email" };
        }
        foreach (var f in new[] { "hourly", "%00", Huge })
        {
            yield return new Probe("POST", "/subscribe", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("email", "new@example.org"), ("frequency", f)) };
            yield return new Probe("POST", "/api/subscriptions", Sender.Anonymous, Surface.Api)
                { Body = ProbeBody.Json($"{{\"email\":\"new@example.org\",\"frequency\":{Quote(f)}}}"), Field = "frequency" };
            yield return new Probe("POST", $"/subscriptions/manage/{t.ManageToken}/frequency", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("frequency", f)) };
        }
        yield return new Probe("POST", "/subscribe", Sender.Anonymous, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "email=new%40example.org") };
        foreach (var body in Json)
            yield return new Probe("POST", "/api/subscriptions", Sender.Anonymous, Surface.Api) { Body = ProbeBody.Json(body), Field = "body|email" };
        foreach (var type in NotJson)
            yield return new Probe("POST", "/api/subscriptions", Sender.Anonymous, Surface.Api) { Body = new ProbeBody(type, "{\"email\":\"new@example.org\"}"), Field = "body" };
        foreach (var token in Tokens)
        {
            yield return Page($"/subscribe/confirm/{token}");
            yield return new Probe("POST", $"/subscribe/confirm/{token}", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("confirm", "yes")) };
            yield return Page($"/subscriptions/manage/{token}");
            yield return new Probe("POST", $"/subscriptions/manage/{token}/watchlists", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("query", "attention")) };
            yield return new Probe("POST", $"/subscriptions/manage/{token}/frequency", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("frequency", "weekly")) };
            yield return new Probe("POST", $"/subscriptions/manage/{token}/watchlists/{t.WatchlistId}/delete", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form() };
            yield return Page($"/unsubscribe/{token}");
            yield return new Probe("POST", $"/unsubscribe/{token}", Sender.Anonymous, Surface.Page) { Body = new ProbeBody(ProbeBody.FormType, "List-Unsubscribe=One-Click") };
        }
        foreach (var q in Texts.Append("-only").Append("since:yesterday"))
            yield return new Probe("POST", $"/subscriptions/manage/{t.ManageToken}/watchlists", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form(("query", q)) };
        foreach (var id in RowIds.Where(i => !long.TryParse(i, out _)))
            yield return new Probe("POST", $"/subscriptions/manage/{t.ManageToken}/watchlists/{id}/delete", Sender.Anonymous, Surface.Page) { Body = ProbeBody.Form() };
        foreach (var d in Days) yield return Page($"/digest/preview?date={d}", Sender.Curator);
        foreach (var f in new[] { "hourly", "%00", "2", Huge }) yield return Page($"/digest/preview?frequency={f}", Sender.Curator);
        foreach (var e in new[] { "nobody%40example.org", "%00", Huge }) yield return Page($"/digest/preview?email={e}", Sender.Curator);
    }

    static IEnumerable<Probe> PaperApi(SweepTargets t)
    {
        foreach (var id in PaperIds)
        {
            yield return Api($"/api/papers/{id}", field: "id");
            yield return Api($"/api/papers/{id}/comments", field: "id");
            foreach (var method in new[] { "POST", "DELETE" })
                yield return new Probe(method, $"/api/papers/{id}/upvote", Sender.MemberToken, Surface.Api) { Field = "id" };
            yield return new Probe("POST", $"/api/papers/{id}/comments", Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json("{\"text\":\"fine\"}"), Field = "id" };
        }
        // Signed out, or with a token that is not one: 401 before anything is read; a member at a curator's route: 403.
        foreach (var who in new[] { Sender.Anonymous, Sender.BadToken })
        foreach (var (method, path) in Writes(t))
            yield return new Probe(method, path, who, Surface.Api) { Body = ProbeBody.Json("{") };
        foreach (var (method, path) in Writes(t).Where(w => w.Path.EndsWith("/featured") || w.Path.EndsWith("/hidden") || w.Path.EndsWith("/hide")))
            yield return new Probe(method, path, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json("{") };
        foreach (var body in Json)
        {
            yield return new Probe("POST", "/api/papers/submit", Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json(body), Field = "body|id" };
        }
        foreach (var type in NotJson)
            yield return new Probe("POST", "/api/papers/submit", Sender.MemberToken, Surface.Api) { Body = new ProbeBody(type, "{\"id\":\"2409.01234\"}"), Field = "body" };
        foreach (var id in NotIds())
            yield return new Probe("POST", "/api/papers/submit", Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json($"{{\"id\":{Quote(id)}}}"), Field = "id" };
    }

    static IEnumerable<Probe> CommentApi(SweepTargets t)
    {
        var comments = $"/api/papers/{t.PaperId}/comments";
        var one = $"/api/comments/{t.CommentId}";
        foreach (var body in Json)
        {
            yield return new Probe("POST", comments, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json(body), Field = "body|text" };
            yield return new Probe("PATCH", one, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json(body), Field = "body|text" };
        }
        foreach (var type in NotJson)
        {
            yield return new Probe("POST", comments, Sender.MemberToken, Surface.Api) { Body = new ProbeBody(type, "{\"text\":\"fine\"}"), Field = "body" };
            yield return new Probe("PATCH", one, Sender.MemberToken, Surface.Api) { Body = new ProbeBody(type, "{\"text\":\"fine\"}"), Field = "body" };
        }
        foreach (var text in Texts)
        {
            yield return new Probe("POST", comments, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json($"{{\"text\":{Quote(text)}}}"), Field = "text" };
            yield return new Probe("PATCH", one, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json($"{{\"text\":{Quote(text)}}}"), Field = "text" };
        }
        foreach (var parent in new[] { "\"abc\"", "-1", "0", "1.5", "99999999999999999999", "9223372036854775807", "[1]", "{}" })
            yield return new Probe("POST", comments, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json($"{{\"text\":\"fine\",\"parentId\":{parent}}}"), Field = "body|parentId" };
        foreach (var id in RowIds)
        {
            yield return new Probe("PATCH", $"/api/comments/{id}", Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json("{\"text\":\"fine\"}") };
            yield return new Probe("DELETE", $"/api/comments/{id}", Sender.MemberToken, Surface.Api);
            yield return new Probe("POST", $"/api/comments/{id}/hide", Sender.CuratorToken, Surface.Api);
        }
    }

    static IEnumerable<Probe> CuratorApi(SweepTargets t)
    {
        foreach (var id in PaperIds)
        {
            yield return new Probe("PUT", $"/api/papers/{id}/featured", Sender.CuratorToken, Surface.Api) { Body = ProbeBody.Json("{\"day\":\"2026-08-21\"}"), Field = "id" };
            foreach (var method in new[] { "DELETE" })
                yield return new Probe(method, $"/api/papers/{id}/featured", Sender.CuratorToken, Surface.Api) { Field = "id" };
            foreach (var method in new[] { "PUT", "DELETE" })
                yield return new Probe(method, $"/api/papers/{id}/hidden", Sender.CuratorToken, Surface.Api) { Field = "id" };
        }
        var featured = $"/api/papers/{t.OldStylePaperId}/featured";
        foreach (var day in Days.Select(Unescaped).Append(""))
            yield return new Probe("PUT", featured, Sender.CuratorToken, Surface.Api) { Body = ProbeBody.Json($"{{\"day\":{Quote(day)}}}"), Field = "day" };
        foreach (var body in Json.Append("{\"day\":20260821}"))
            yield return new Probe("PUT", featured, Sender.CuratorToken, Surface.Api) { Body = ProbeBody.Json(body), Field = "body|day" };
        foreach (var type in NotJson)
            yield return new Probe("PUT", featured, Sender.CuratorToken, Surface.Api) { Body = new ProbeBody(type, "{\"day\":\"2026-08-21\"}"), Field = "body" };
    }

    static IEnumerable<Probe> WatchlistApi(SweepTargets t)
    {
        const string path = "/api/account/watchlists";
        foreach (var q in Texts.Append("-only").Append("since:yesterday"))
            yield return new Probe("POST", path, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json($"{{\"query\":{Quote(q)}}}"), Field = "query" };
        foreach (var body in Json)
            yield return new Probe("POST", path, Sender.MemberToken, Surface.Api) { Body = ProbeBody.Json(body), Field = "body|query" };
        foreach (var type in NotJson)
            yield return new Probe("POST", path, Sender.MemberToken, Surface.Api) { Body = new ProbeBody(type, "{\"query\":\"attention\"}"), Field = "body" };
        foreach (var id in RowIds)
            yield return new Probe("DELETE", $"{path}/{id}", Sender.MemberToken, Surface.Api);
    }

    /// <summary>Submissions of text that is no arXiv id (a well-formed unknown one would be looked up on arXiv).</summary>
    static IEnumerable<string> NotIds() =>
        PaperIds.Select(Unescaped).Where(id => !ArxivId.TryParse(id, out _)).Append("").Append("https://arxiv.org/abs/" + Huge);

    /// <summary>Every API route that needs a token.</summary>
    static (string Method, string Path)[] Writes(SweepTargets t) =>
    [
        ("POST", $"/api/papers/{t.PaperId}/upvote"), ("DELETE", $"/api/papers/{t.PaperId}/upvote"), ("POST", $"/api/papers/{t.PaperId}/comments"),
        ("PATCH", $"/api/comments/{t.CommentId}"), ("DELETE", $"/api/comments/{t.CommentId}"), ("POST", $"/api/comments/{t.CommentId}/hide"),
        ("POST", "/api/papers/submit"), ("PUT", $"/api/papers/{t.PaperId}/featured"), ("DELETE", $"/api/papers/{t.PaperId}/featured"),
        ("PUT", $"/api/papers/{t.PaperId}/hidden"), ("DELETE", $"/api/papers/{t.PaperId}/hidden"), ("GET", "/api/account/watchlists"),
        ("POST", "/api/account/watchlists"), ("DELETE", $"/api/account/watchlists/{t.WatchlistId}"),
    ];

    static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>An address value as the text a form or JSON body carries (<c>%00</c> becomes a NUL).</summary>
    static string Unescaped(string wire) => Uri.UnescapeDataString(wire);
}
