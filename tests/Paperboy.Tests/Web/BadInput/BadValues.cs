namespace Paperboy.Tests.Web.BadInput;

/// <summary>
/// The malformed values of the sweep, by kind. Values for addresses are written as they go on the wire (<c>%00</c> is a
/// NUL, <c>%2F</c> a slash inside one segment); values for bodies are the text itself.
/// </summary>
public static class BadValues
{
    /// <summary>100 KB: far past anything a person types, and past Kestrel's 8 KB request line (see KestrelBadInputTests).</summary>
    public static readonly string Huge = new('9', 100 * 1024);

    /// <summary>5 MB: past ASP.NET's 4 MB limit on one form value.</summary>
    public static readonly string Oversized = new('x', 5 * 1024 * 1024);

    const string Traversal = "..%2F..%2F..%2Fetc%2Fpasswd";

    /// <summary>Whole numbers (<c>p</c>, <c>limit</c>, <c>page</c>, <c>votes</c>) that are not whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static string[] Numbers(int min, int max) =>
    [
        (min - 1L).ToString(), (max + 1L).ToString(), "-2147483649", "2147483648", "99999999999999999999", "1.5", "1e3", "0x10", "%2B1",
        "%201", "one", "%00", "1%00", "%EF%BC%91", Huge, Traversal,
    ];

    public static readonly string[] Days =
    [
        "2026-02-30", "2026-13-01", "2026-00-10", "2026-08-32", "2026-8-21", "26-08-21", "2026-08-21T00:00:00Z", "2026%2F08%2F21",
        "-2026-08-21", "99999-01-01", "yesterday", "%00", "2026-08-21%00", Traversal, "%FF%FE", Huge,
    ];

    public static readonly string[] Weeks =
    [
        "2026-W00", "2026-W54", "2025-W53", "2026-W5", "2026W34", "2026-W34-1", "2026-W-1", "9999999-W01", "%00", "2026-W34%00", Traversal, Huge,
    ];

    public static readonly string[] Months = ["2026-00", "2026-13", "2026-1", "202608", "2026-08-01", "-1-01", "%00", "2026-08%00", Traversal, Huge];

    /// <summary>Legal but at the ends of the calendar: any answer but a server error.</summary>
    public static readonly string[] EdgeDays = ["0001-01-01", "9999-12-31"];
    public static readonly string[] EdgeWeeks = ["0001-W01", "9999-W52", "2026-w34"];
    public static readonly string[] EdgeMonths = ["0001-01", "9999-12"];

    /// <summary>Paper ids, new style and old style, with junk; and well-formed ids of papers that are not here.</summary>
    public static readonly string[] PaperIds =
    [
        "2409.99999", "hep-th/9901002", "2409.01234x", "2409.01234v", "2409.01234v0", "2409.01234v99999999999999999999", "2409.012345678",
        "2413.01234", "0000.00000", "2409.01234%00", "%00", "2409.01234%2F..%2F..", Traversal, "hep-th%2F990100", "hep-th/9901001x",
        "hep-th/990100", "HEP-TH/9901001", "hep_th/9901001", "hep-th/9913001", "math.XX/9901001", "-/9901001", "%3Cscript%3E", "%FF%FE",
        "2409." + Huge, Huge,
    ];

    /// <summary>Ids of comments, tokens and watch-lists (a <c>long</c> in the route).</summary>
    public static readonly string[] RowIds = ["0", "-1", "9223372036854775807", "99999999999999999999", "abc", "1%00", "%00", Huge];

    /// <summary>Handles in <c>/u/{handle}</c>.</summary>
    public static readonly string[] Handles = ["nobody", "%00", "ada%00", Traversal, "%3Cscript%3E", "%FF%FE", Huge];

    /// <summary>Secret tokens in links (sign-in, confirm, manage, unsubscribe).</summary>
    public static readonly string[] Tokens = ["x", "pb_1_abc", "%00", Traversal, "%FF%FE", "AAAA" + Huge, Huge];

    /// <summary>Free text in a body (a comment, a query, a name) that is empty, only control characters, or too long.</summary>
    public static readonly string[] Texts = ["", "   ", "\0\0\0", "\u0001\u0002\u001b", new string('x', 100 * 1024)];

    /// <summary>Email addresses in a body.</summary>
    public static readonly string[] Emails = ["", "ada", "ada@", "@example.org", "ada@example.org\0", "ada\r\n@example.org", "a@b@c", new string('a', 100 * 1024) + "@example.org"];

    /// <summary>Bodies that are not the JSON object an API write takes, whatever its fields.</summary>
    public static readonly string[] Json =
    [
        "", "{", "[]", "null", "\"text\"", "42", "{\"a\":", "\0", "{\"text\": \"\0", "\uFEFF\uFEFF{}", new string('[', 1000) + new string(']', 1000),
        "{\"text\": \"" + new string('x', 5 * 1024 * 1024) + "\"}",
    ];

    /// <summary>Content types a JSON API does not take, each with a body that would be fine as JSON.</summary>
    public static readonly string[] NotJson = ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "application/jsonx"];

    /// <summary>The start of a value, for failure messages.</summary>
    public static string Short(string text) =>
        (text.Length > 60 ? text[..60] + $"…({text.Length} chars)" : text).Replace("\0", "\\0").Replace("\r", "\\r").Replace("\n", "\\n");
}
