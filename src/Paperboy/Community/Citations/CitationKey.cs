using System.Globalization;
using Paperboy.Storage;

namespace Paperboy.Community;

/// <summary>
/// The BibTeX key arXiv's own export gives a paper: the first author's family name, the year of version 1 and the first two
/// significant words of the title (<c>vaswani2017attentionneed</c>), lower-case ASCII. "Significant" means not on the
/// English stop list arXiv's export skips (the Glasgow IR group's list, which scikit-learn also ships).
/// </summary>
public static class CitationKey
{
    const string StopList =
        "a about above across after afterwards again against all almost alone along already also although always am among amongst " +
        "amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became because become " +
        "becomes becoming been before beforehand behind being below beside besides between beyond bill both bottom but by call can " +
        "cannot cant co con could couldnt cry de describe detail do done down due during each eg eight either eleven else elsewhere " +
        "empty enough etc even ever every everyone everything everywhere except few fifteen fify fill find fire first five for former " +
        "formerly forty found four from front full further get give go had has hasnt have he hence her here hereafter hereby herein " +
        "hereupon hers herself him himself his how however hundred ie if in inc indeed interest into is it its itself keep last latter " +
        "latterly least less ltd made many may me meanwhile might mill mine more moreover most mostly move much must my myself name " +
        "namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere of off often on once one only " +
        "onto or other others otherwise our ours ourselves out over own part per perhaps please put rather re same see seem seemed " +
        "seeming seems serious several she should show side since sincere six sixty so some somehow someone something sometime " +
        "sometimes somewhere still such system take ten than that the their them themselves then thence there thereafter thereby " +
        "therefore therein thereupon these they thickv thin third this those though three through throughout thru thus to together " +
        "too top toward towards twelve twenty two un under until up upon us very via was we well were what whatever when whence " +
        "whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom " +
        "whose why will with within without would yet you your yours yourself yourselves";

    static readonly HashSet<string> StopWords = new(StopList.Split(' '), StringComparer.Ordinal);

    public static string Of(Paper paper)
    {
        var family = paper.Authors.Count > 0 ? CitationKey.Family(paper.Authors[0]) : "unknown";
        var words = paper.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w.ToLowerInvariant()))
            .Select(CitationNames.AsciiKey).Where(w => w.Length > 0).Take(2);
        return (family.Length > 0 ? family : "unknown") + paper.PublishedAt.Year.ToString(CultureInfo.InvariantCulture) + string.Concat(words);
    }

    static string Family(string author) => CitationNames.AsciiKey(CitationNames.Split(author).Family);

    /// <summary>Keys for a list of papers, made unique the way BibTeX tools do (a second <c>smith2024deep</c> is <c>smith2024deepb</c>).</summary>
    public static IReadOnlyList<string> Unique(IEnumerable<Paper> papers)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var key in papers.Select(Of))
        {
            var n = seen.GetValueOrDefault(key);
            seen[key] = n + 1;
            keys.Add(n == 0 ? key : key + (char)('a' + Math.Min(n, 25)));
        }
        return keys;
    }
}
