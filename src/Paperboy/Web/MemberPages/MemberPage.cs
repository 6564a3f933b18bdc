using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Paperboy.Web;

/// <summary>
/// A page rendered once for every member, cut where members differ: their form token, their handle, and the marked
/// choices (<see cref="MemberPageMarks"/>). Writing it for one member joins the pieces with theirs; nothing is rendered.
/// </summary>
public sealed partial class MemberPage
{
    abstract record Piece;
    sealed record Text(byte[] Bytes) : Piece;
    sealed record Token : Piece;
    sealed record Handle : Piece;
    sealed record Choice(string Key, byte[] Off, byte[] On) : Piece;

    readonly List<Piece> _pieces;

    public string ContentType { get; }

    MemberPage(List<Piece> pieces, string contentType) => (_pieces, ContentType) = (pieces, contentType);

    [GeneratedRegex(@"<!--pb-choice:(?<key>[^>]+?):(?<on>[01])-->(?<body>.*?)(?=<!--pb-choice[:-])", RegexOptions.Singleline)]
    private static partial Regex ChoiceForm();

    /// <summary>Cuts the shared rendering <paramref name="html"/> at the token, the handle stand-in and the choices.</summary>
    public static MemberPage Cut(string html, string contentType, string? token, string handle)
    {
        var pieces = new List<Piece>();
        var cuts = new Regex(string.Join("|", new[]
        {
            token is null ? null : $"(?<token>{Regex.Escape(token)})",
            $"(?<handle>{Regex.Escape(handle)})",
            @"(?<choice><!--pb-choice:(?<key>[^>]+?):0-->.*?<!--pb-choice-end-->)",
        }.Where(p => p is not null)), RegexOptions.Singleline);
        var at = 0;
        foreach (Match m in cuts.Matches(html))
        {
            if (m.Index > at) pieces.Add(new Text(Encoding.UTF8.GetBytes(html[at..m.Index])));
            if (m.Groups["token"].Success) pieces.Add(new Token());
            else if (m.Groups["handle"].Success) pieces.Add(new Handle());
            else
            {
                var forms = ChoiceForm().Matches(m.Value).ToDictionary(f => f.Groups["on"].Value, f => f.Groups["body"].Value);
                pieces.Add(new Choice(m.Groups["key"].Value, Encoding.UTF8.GetBytes(forms["0"]), Encoding.UTF8.GetBytes(forms["1"])));
            }
            at = m.Index + m.Length;
        }
        if (at < html.Length) pieces.Add(new Text(Encoding.UTF8.GetBytes(html[at..])));
        return new MemberPage(pieces, contentType);
    }

    /// <summary>The page for one member: their token and handle in place, each choice in their form.</summary>
    public async Task WriteAsync(HttpResponse response, string? token, string handle, MemberState state, CancellationToken ct)
    {
        var tokenBytes = Encoding.UTF8.GetBytes(token ?? "");
        var handleBytes = Encoding.UTF8.GetBytes(HtmlEncoder.Default.Encode(handle));
        long length = 0;
        foreach (var piece in _pieces) length += Bytes(piece).Length;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = length;
        var writer = response.BodyWriter;
        foreach (var piece in _pieces) writer.Write(Bytes(piece));
        await writer.FlushAsync(ct);

        ReadOnlySpan<byte> Bytes(Piece piece) => piece switch
        {
            Text t => t.Bytes,
            Token => tokenBytes,
            Handle => handleBytes,
            Choice c => state.Chosen.Contains(c.Key) ? c.On : c.Off,
            _ => [],
        };
    }
}
