using System.Globalization;

namespace Paperboy.Web;

/// <summary>A count with its noun, singular for one: "1 upvote", "2 upvotes", "0 comments".</summary>
public static class Counted
{
    public static string Of(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : noun + "s")}");
}
