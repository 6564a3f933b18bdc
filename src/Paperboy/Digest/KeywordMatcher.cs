namespace Paperboy.Digest;

/// <summary>
/// Matches watch-lists against candidates with bitsets: each paper is tokenized once into postings
/// (token → papers), each clause becomes a bitset (phrases verified against token positions),
/// a query is the AND of its clauses minus its exclusions. Clause and query answers are cached.
/// </summary>
public sealed class KeywordMatcher : IWatchlistMatcher
{
    public IWatchlistIndex Prepare(IReadOnlyList<CandidatePaper> candidates) => new Index(candidates);

    sealed class Index : IWatchlistIndex
    {
        readonly IReadOnlyList<CandidatePaper> _papers;
        readonly int _words;
        readonly string[][] _text;        // title, then abstract, per paper (a gap token keeps phrases from spanning them)
        readonly string[][][] _authors;   // tokens of each author name, per paper
        readonly Dictionary<string, ulong[]> _any = new(StringComparer.Ordinal);
        readonly Dictionary<string, ulong[]> _author = new(StringComparer.Ordinal);
        readonly Dictionary<string, ulong[]> _category = new(StringComparer.Ordinal);
        readonly Dictionary<string, ulong[]> _clauses = new(StringComparer.Ordinal);
        readonly Dictionary<string, IReadOnlyList<CandidatePaper>> _queries = new(StringComparer.Ordinal);

        public Index(IReadOnlyList<CandidatePaper> papers)
        {
            _papers = papers;
            _words = (papers.Count + 63) / 64;
            _text = new string[papers.Count][];
            _authors = new string[papers.Count][][];
            for (var i = 0; i < papers.Count; i++)
            {
                var p = papers[i];
                var text = Tokenizer.Tokens(p.Title);
                text.Add("\u0000");
                text.AddRange(Tokenizer.Tokens(p.Abstract));
                _text[i] = text.ToArray();
                foreach (var t in text) Set(_any, t, i);
                _authors[i] = p.Authors.Select(a => Tokenizer.Tokens(a).ToArray()).ToArray();
                foreach (var t in _authors[i].SelectMany(a => a)) { Set(_author, t, i); Set(_any, t, i); }
                foreach (var c in p.Categories)
                {
                    var cat = c.ToLowerInvariant();
                    Set(_category, cat, i);
                    if (cat.IndexOf('.') is > 0 and var dot) Set(_category, cat[..dot], i);
                    foreach (var t in Tokenizer.Tokens(cat)) Set(_any, t, i);
                }
            }
        }

        public IReadOnlyList<CandidatePaper> Match(WatchQuery query)
        {
            if (_queries.TryGetValue(query.Key, out var cached)) return cached;
            var result = new ulong[_words];
            Array.Fill(result, ulong.MaxValue);
            foreach (var clause in query.Clauses)
            {
                var bits = Clause(clause);
                for (var w = 0; w < _words; w++) result[w] &= clause.Excluded ? ~bits[w] : bits[w];
            }
            var list = new List<CandidatePaper>();
            for (var i = 0; i < _papers.Count; i++)
                if ((result[i >> 6] & (1UL << (i & 63))) != 0) list.Add(_papers[i]);
            return _queries[query.Key] = list;
        }

        ulong[] Clause(WatchClause clause)
        {
            var key = clause with { Excluded = false };
            if (_clauses.TryGetValue(key.Key, out var cached)) return cached;
            var bits = clause.Field switch
            {
                WatchField.Category => Copy(_category, clause.Terms[0]),
                WatchField.Author => AllOf(_author, clause.Terms),
                _ => AllOf(_any, clause.Terms),
            };
            if (clause.Terms.Count > 1 && clause.Field != WatchField.Category)
                for (var i = 0; i < _papers.Count; i++)
                    if ((bits[i >> 6] & (1UL << (i & 63))) != 0 && !HasSequence(i, clause))
                        bits[i >> 6] &= ~(1UL << (i & 63));
            return _clauses[key.Key] = bits;
        }

        bool HasSequence(int paper, WatchClause clause) => clause.Field == WatchField.Author
            ? _authors[paper].Any(name => Contains(name, clause.Terms))
            : Contains(_text[paper], clause.Terms);

        static bool Contains(string[] tokens, IReadOnlyList<string> phrase)
        {
            for (var start = 0; start + phrase.Count <= tokens.Length; start++)
            {
                var k = 0;
                while (k < phrase.Count && tokens[start + k] == phrase[k]) k++;
                if (k == phrase.Count) return true;
            }
            return false;
        }

        ulong[] AllOf(Dictionary<string, ulong[]> postings, IReadOnlyList<string> terms)
        {
            var bits = Copy(postings, terms[0]);
            foreach (var t in terms.Skip(1))
            {
                if (!postings.TryGetValue(t, out var other)) return new ulong[_words];
                for (var w = 0; w < _words; w++) bits[w] &= other[w];
            }
            return bits;
        }

        ulong[] Copy(Dictionary<string, ulong[]> postings, string term) =>
            postings.TryGetValue(term, out var bits) ? (ulong[])bits.Clone() : new ulong[_words];

        void Set(Dictionary<string, ulong[]> postings, string token, int paper)
        {
            if (!postings.TryGetValue(token, out var bits)) postings[token] = bits = new ulong[_words];
            bits[paper >> 6] |= 1UL << (paper & 63);
        }
    }
}
