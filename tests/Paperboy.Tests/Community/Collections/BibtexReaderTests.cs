using Paperboy.Community;

namespace Paperboy.Tests.Community.Collections;

public class BibtexReaderTests
{
    [Fact]
    public void EveryCommonWayOfCitingAnArxivPaperIsFound()
    {
        var file = BibtexReader.Read("""
            % exported from arXiv, Google Scholar, biblatex and a hand
            @string{arxiv = "arXiv preprint"}
            @comment{ anything { nested } here }
            @misc{vaswani2017attentionneed,
                  title={Attention Is All You Need},
                  author={Ashish Vaswani and Noam Shazeer},
                  year={2017},
                  eprint={1706.03762},
                  archivePrefix={arXiv},
                  primaryClass={cs.CL},
                  url={https://arxiv.org/abs/1706.03762},
            }
            @article{devlin2018bert,
              title="{BERT}: Pre-training of Deep Bidirectional Transformers",
              journal=arxiv # " arXiv:1810.04805",
              year=2018
            }
            @online(oldstyle, eprinttype = {arxiv}, eprint = {hep-th/9901001v2})
            @inproceedings{doi, doi = {10.48550/arXiv.2409.01234}}
            @book{knuth1984texbook, title = {The {\TeX}book}, year = 1984, month = jan}
            """);

        Assert.Empty(file.Problems);
        Assert.Equal(["vaswani2017attentionneed", "devlin2018bert", "oldstyle", "doi", "knuth1984texbook"], file.Entries.Select(e => e.Key));
        Assert.Equal(["1706.03762", "1810.04805", "hep-th/9901001", "2409.01234", null], file.Entries.Select(BibtexArxivId.Find));
        Assert.Equal("arXiv preprint arXiv:1810.04805", file.Entries[1].Fields["journal"]);
        Assert.Equal(4, file.Entries[0].Line);
    }

    [Fact]
    public void AnEntryThatCannotBeReadIsReportedWithItsLineAndTheNextOneIsRead()
    {
        var file = BibtexReader.Read("""
            @misc{good1, eprint={1706.03762}}

            @misc{broken,
              title={Never closed,
              year=2020
            @misc{good2, eprint={1810.04805}}
            @misc{nokey eprint={2409.01234}}
            """);

        Assert.Equal(["good1", "good2"], file.Entries.Select(e => e.Key));
        Assert.Equal([3, 7], file.Problems.Select(p => p.Line));
        Assert.Equal("line 3: the '{' opened at line 4 is never closed.", file.Problems[0].ToString());
        Assert.Equal("line 7: the key 'nokey eprint={2409.01234' is not followed by a comma.", file.Problems[1].ToString());
    }

    [Fact]
    public void AnEntryMissingItsClosingBraceIsReportedAndTheNextLineStartsTheNextEntry()
    {
        var file = BibtexReader.Read("""
            @misc{unclosed, eprint={1706.03762}
            @misc{next, eprint={1810.04805}}
            """);

        Assert.Equal("next", Assert.Single(file.Entries).Key);
        Assert.Equal("line 1: it is not closed before the next entry, at line 2.", Assert.Single(file.Problems).ToString());
    }

    [Fact]
    public void WhatBibtexWriterWritesReadsBackToTheSamePaper()
    {
        var paper = new Paperboy.Storage.Paper { Id = "hep-th/9901001", Title = "Strings & $x_{1}$ {branes}", Authors = ["Ada Lovelace"], Categories = ["hep-th"], PublishedAt = new DateTime(1999, 1, 4, 0, 0, 0, DateTimeKind.Utc) };

        var entry = Assert.Single(BibtexReader.Read(BibtexWriter.Write([new CitedPaper(paper, "a note with } brace", ["to read"])])).Entries);

        Assert.Equal("hep-th/9901001", BibtexArxivId.Find(entry));
        Assert.Equal(@"Strings \& $x_{1}$ {branes}", entry.Fields["title"]);
        Assert.Equal(@"a note with \} brace", entry.Fields["annote"]);
    }
}
