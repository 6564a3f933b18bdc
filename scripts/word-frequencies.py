#!/usr/bin/env python3
"""Writes src/Paperboy/Domain/word-frequencies.txt, the word statistics behind computed keywords (Domain/Keyphrases).

Usage: python3 scripts/word-frequencies.py ../shared/data/arxiv-snapshot/arxiv-metadata-75k.jsonl.gz > src/Paperboy/Domain/word-frequencies.txt

Over every paper's title and abstract, tokenised as Keyphrases does (letters and digits, inner hyphens kept, inline math
left out, lower case), it counts in how many papers each word occurs (its document frequency) and how often the word is
followed by a determiner ("the", "a", "our"...). Lines are "word df", with " v" added for a verb-like word: one that is
followed by a determiner in at least VERB_SHARE of its uses ("underscores the", "applies a", "explores how"). Verbs end a
keyphrase as stopwords do; this finds them from the corpus, without a part-of-speech tagger. Only words in at least MIN_DF
papers, or verb-like ones, are written: a word missing from the table is rare, which is all the extractor needs to know.
The first line is the number of papers.
"""
import collections, gzip, json, re, sys

MIN_DF = 40
VERB_SHARE, VERB_MIN_USES = 0.25, 30
token = re.compile(r"[^\W_]+(?:-[^\W_]+)*|[.,;:()]")
math = re.compile(r"\$[^$]*\$")
determiners = {"the", "a", "an", "our", "its", "their", "this", "these", "both", "how", "that", "whether"}
df, uses, before_determiner = collections.Counter(), collections.Counter(), collections.Counter()
papers = 0
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        papers += 1
        words = [t.lower() for t in token.findall(math.sub(" ", (record.get("title") or "") + " . " + (record.get("abstract") or "")))]
        df.update(set(w for w in words if w[0].isalnum()))
        for a, b in zip(words, words[1:]):
            uses[a] += 1
            if b in determiners:
                before_determiner[a] += 1
verb_like = {w for w, n in uses.items() if n >= VERB_MIN_USES and w[0].isalpha() and before_determiner[w] / n >= VERB_SHARE}
print(papers)
for word, count in sorted(df.items(), key=lambda wc: (-wc[1], wc[0])):
    if count >= MIN_DF or word in verb_like:
        print(word, count, "v") if word in verb_like else print(word, count)
