using Microsoft.EntityFrameworkCore;
using Paperboy.Search.Keyword;
using Paperboy.Search.Meaning;
using Paperboy.Storage;

namespace Paperboy.Search;

/// <summary>
/// Search by words and by meaning, fused by their scores: the engine's keyword index ranks its matches, the vector index
/// finds the nearest papers to the query's meaning (then kept only if they satisfy the phrases, authors, exclusions and
/// filters, which always apply), and each paper scores a weighted sum of its two normalised scores (see <see cref="Fuse"/>).
/// </summary>
public sealed class PaperSearch(PaperboyDb db, IKeywordIndex keywords, VectorIndex vectors, EmbedderProvider embedders)
{
    /// <summary>How many candidates each side contributes to the fusion.</summary>
    public const int Depth = 100;

    /// <summary>
    /// The words side's share of a fused score and what makes a hit clear, chosen by the evaluation in
    /// docs/search-quality.md (<c>EVAL_GRID=1</c>): the one setting that leaves hybrid at or above both sides on every
    /// class of query there (paraphrases, sentences of abstracts, titles with words missing, keywords).
    /// </summary>
    public const double WordsWeight = 0.8;

    /// <summary>A words hit is clear when its relevance is this many times the next one's.</summary>
    public const double ClearWordsRatio = 1.25;

    /// <summary>A meaning hit is clear when its cosine is this much above the next one's.</summary>
    public const double ClearMeaningGap = 0.08;

    public async Task<IReadOnlyList<Paper>> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var ranked = await RankAsync(request, ct);
        if (request.Sort == SearchSort.Relevance)
        {
            // Only the page is read (the ranking holds visible papers only; a few more cover one hidden meanwhile):
            // reading every candidate's abstract cost more than the search itself at 1M papers.
            var page = await LoadAsync([.. ranked.Skip(request.Offset).Take(request.Limit + 5)], ct);
            return page.Take(request.Limit).ToList();
        }
        var papers = await LoadAsync(ranked, ct);
        IEnumerable<Paper> ordered = request.Sort == SearchSort.Newest
            ? papers.OrderByDescending(p => p.PublishedAt)
            : papers.OrderByDescending(p => p.ImportedUpvotes + p.LocalUpvotes);
        return ordered.Skip(request.Offset).Take(request.Limit).ToList();
    }

    /// <summary>Paper ids, best first (words, meaning, or both fused).</summary>
    public async Task<IReadOnlyList<string>> RankAsync(SearchRequest request, CancellationToken ct)
    {
        var (words, meaning) = await SidesAsync(request, ct);
        return request.Mode switch
        {
            SearchMode.Keyword => words.Select(h => h.Id).ToList(),
            SearchMode.Meaning => meaning.Select(h => h.Id).ToList(),
            _ => Fuse(words, meaning, WordsWeight),
        };
    }

    /// <summary>Each side's candidates with their scores, best first (a side the mode leaves out is empty).</summary>
    public async Task<(IReadOnlyList<KeywordHit> Words, IReadOnlyList<VectorHit> Meaning)> SidesAsync(SearchRequest request, CancellationToken ct)
    {
        var q = request.Query;
        // The meaning side (embedding the query, then the vector index: CPU only) runs beside the words side's queries.
        var nearest = request.Mode != SearchMode.Keyword && vectors.Count > 0 && q.MeaningText.Length > 0
            ? Task.Run(() => vectors.Search(embedders.Get().EmbedQuery(q.MeaningText), Depth * 2), ct)
            : null;
        IReadOnlyList<KeywordHit> words = request.Mode == SearchMode.Meaning ? [] : await keywords.MatchAsync(q, request.Filters, Depth, ct);
        if (q.IsLong && words.Count > 1) words = await QuotedFirstAsync(q, words, ct);
        IReadOnlyList<VectorHit> meaning = [];
        if (nearest is not null)
        {
            var hits = await nearest;
            var allowed = await keywords.KeepMatchingAsync(hits.Select(h => h.Id).ToList(), q, request.Filters, ct);
            meaning = hits.Where(h => allowed.Contains(h.Id)).Take(Depth).ToList();
        }
        return (words, meaning);
    }

    /// <summary>
    /// A pasted text (a long query): among the words side's candidates, the papers that say at least half of it word for
    /// word (by the share of its consecutive word pairs they contain) come first, most first, as clear hits. At 1M papers
    /// the index weighs only a pasted text's rarest words; this second look at the candidates' own text restores the
    /// order of the words, which bm25 never sees.
    /// </summary>
    async Task<IReadOnlyList<KeywordHit>> QuotedFirstAsync(SearchQuery q, IReadOnlyList<KeywordHit> hits, CancellationToken ct)
    {
        var pairs = Pairs(q.MeaningText);
        if (pairs.Count == 0) return hits;
        var ids = hits.Select(h => h.Id).ToList();
        var texts = await db.Set<Paper>().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.Abstract }).ToDictionaryAsync(p => p.Id, ct);
        var best = hits.Where(h => !double.IsNaN(h.Score)).Select(h => h.Score).DefaultIfEmpty(1).Max();
        var quoted = new List<(KeywordHit Hit, double Share)>();
        foreach (var hit in hits)
        {
            if (!texts.TryGetValue(hit.Id, out var t)) continue;
            var said = Pairs(t.Title + " . " + t.Abstract);
            var share = (double)pairs.Count(said.Contains) / pairs.Count;
            if (share >= 0.5) quoted.Add((hit, share));
        }
        if (quoted.Count == 0) return hits;
        var first = quoted.OrderByDescending(x => x.Share).Select(x => x.Hit with { Score = 2 * best * (1 + x.Share) }).ToList();
        var moved = quoted.Select(x => x.Hit.Id).ToHashSet();
        return [.. first, .. hits.Where(h => !moved.Contains(h.Id))];
    }

    /// <summary>The text's consecutive word pairs, lower-cased ("graph neural networks" → "graph neural", "neural networks").</summary>
    static HashSet<string> Pairs(string text)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value).ToList();
        return words.Zip(words.Skip(1), (a, b) => a + " " + b).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Convex combination of normalised scores: each paper scores <paramref name="wordsWeight"/> × its words score +
    /// (1 − <paramref name="wordsWeight"/>) × its meaning score, 0 on a side that did not find it. The words score is the
    /// relevance over the best one's (bm25 and RUM's rank start at 0, so a clear keyword hit, far above the next, stays
    /// far above; papers listed without a relevance score by rank); the meaning score is the cosine min-max normalised
    /// over the side's candidates (cosines crowd into a narrow band, so a clear meaning hit is the one far above the rest).
    /// </summary>
    public static IReadOnlyList<string> Fuse(IReadOnlyList<KeywordHit> words, IReadOnlyList<VectorHit> meaning, double wordsWeight,
        double clearWords = ClearWordsRatio, double clearMeaning = ClearMeaningGap)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var best = words.Where(h => !double.IsNaN(h.Score)).Select(h => h.Score).DefaultIfEmpty(0).Max();
        for (var i = 0; i < words.Count; i++)
        {
            var score = double.IsNaN(words[i].Score) || best <= 0 ? 1 - (double)i / words.Count : words[i].Score / best;
            scores[words[i].Id] = wordsWeight * score;
        }
        if (meaning.Count > 0)
        {
            double top = meaning.Max(h => h.Score), low = meaning.Min(h => h.Score);
            foreach (var hit in meaning)
            {
                var score = top > low ? (hit.Score - low) / (top - low) : 1;
                scores[hit.Id] = scores.GetValueOrDefault(hit.Id) + (1 - wordsWeight) * score;
            }
        }
        var fused = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).ToList();
        // A clear hit of either side comes first: a pasted sentence's own paper, a paper the query paraphrases.
        if (meaning.Count > 1 && meaning[0].Score - meaning[1].Score >= clearMeaning) Promote(fused, meaning[0].Id);
        if (words.Count > 1 && words[0].Score >= clearWords * words[1].Score) Promote(fused, words[0].Id);
        return fused;
    }

    static void Promote(List<string> ranking, string id)
    {
        ranking.Remove(id);
        ranking.Insert(0, id);
    }

    /// <summary>Nearest papers to a paper by meaning (none until its vector is computed).</summary>
    public async Task<IReadOnlyList<Paper>> RelatedAsync(string paperId, int limit, CancellationToken ct)
    {
        var vector = vectors.Find(paperId);
        if (vector is null) return [];
        var hits = vectors.Search(vector, limit + 5, except: paperId).Select(h => h.Id).ToList();
        return (await LoadAsync(hits, ct)).Take(limit).ToList();
    }

    public Task<bool> ExistsAsync(string paperId, CancellationToken ct) => db.Set<Paper>().AnyAsync(p => p.Id == paperId && !p.Hidden, ct);

    /// <summary>The visible papers of <paramref name="ids"/>, in that order.</summary>
    async Task<List<Paper>> LoadAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Set<Paper>().Where(p => ids.Contains(p.Id) && !p.Hidden).ToDictionaryAsync(p => p.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }
}
