namespace Paperboy.Tests.Web.BadInput;

/// <summary>What answers a route: the JSON API (RFC 9457 problems) or a page a person reads (the layout and a heading).</summary>
public enum Surface { Api, Page }

/// <summary>Who sends a probe: far enough in that the route's own validation answers, not only its 401.</summary>
public enum Sender { Anonymous, BadToken, Member, MemberToken, Curator, CuratorToken, Admin }

/// <summary>A request body as sent: a form (the sender's antiforgery token is added unless <see cref="FormToken"/> is false) or raw text.</summary>
public sealed record ProbeBody(string ContentType, string Text, bool FormToken = false)
{
    public const string FormType = "application/x-www-form-urlencoded";

    public static ProbeBody Json(string text) => new("application/json", text);

    /// <summary>A form with the sender's token, as the page's form posts it.</summary>
    public static ProbeBody Form(params (string Name, string Value)[] fields) =>
        new(FormType, string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")), FormToken: true);

    /// <summary>What the failure message shows: the start of the body, never all of a 5 MB one.</summary>
    public override string ToString() => $"{ContentType} '{BadValues.Short(Text)}'{(FormToken ? " +token" : "")}";
}

/// <summary>
/// One row of the sweep: a request with one malformed value in it. Unless <see cref="MayPass"/> (a value that is odd but
/// legal, such as the year 9999), the answer must be a 4xx; never a 5xx, and always in the surface's readable shape.
/// </summary>
public sealed record Probe(string Method, string Url, Sender Sender, Surface Surface)
{
    public ProbeBody? Body { get; init; }

    /// <summary>The parameter a 400 problem must name (in <c>errors</c> or its <c>detail</c>).</summary>
    public string? Field { get; init; }

    public bool MayPass { get; init; }

    /// <summary>
    /// A NUL in the path: Kestrel refuses the request line with a bare 400 before any middleware runs, and has no setting
    /// to let it through (see docs/reliability.md, "Bad input"). The sweep checks that this is still so.
    /// </summary>
    public bool KestrelRefuses => Url.Split('?')[0].Contains("%00");

    public override string ToString() =>
        $"{Method} {BadValues.Short(Url)} as {Sender}{(Body is null ? "" : $" with {Body}")}";
}
