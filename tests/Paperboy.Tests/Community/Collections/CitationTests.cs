using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Community;
using Paperboy.Ingest;
using Paperboy.Ingest.Arxiv;
using Paperboy.Storage;
using Paperboy.Tests.Infrastructure;

namespace Paperboy.Tests.Community.Collections;

/// <summary>Citations of real papers (the first 200 lines of arXiv's snapshot, imported as the hub imports them), through the Cite API.</summary>
public class CitationTests
{
    static async Task<PaperboyFactory> WithSnapshotAsync()
    {
        var app = await PaperboyFactory.StartAsync(Engine.Sqlite);
        await new SnapshotImporter(app.Services.GetRequiredService<ImportRunner>())
            .ImportAsync(SharedData.PathOf("arxiv-snapshot", "snapshot-head200.jsonl"), null, default);
        return app;
    }

    [Fact]
    public async Task CiteAnswersArxivsOwnBibtexForARealPaper()
    {
        await using var app = await WithSnapshotAsync();

        var response = await app.CreateClient().GetAsync("/api/papers/0704.0001/cite");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""
            @misc{balazs2007calculationprompt,
                  title={Calculation of prompt diphoton production cross sections at Tevatron and LHC energies}, 
                  author={C. Balázs and E. L. Berger and P. M. Nadolsky and C. -P. Yuan},
                  year={2007},
                  eprint={0704.0001},
                  archivePrefix={arXiv},
                  primaryClass={hep-ph},
                  doi={10.1103/PhysRevD.76.013009},
                  url={https://arxiv.org/abs/0704.0001}, 
            }

            """, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0704.0001", "balazs2007calculationprompt")] // accent folded, "of" is no stop word here but comes third
    [InlineData("0704.0005", "abushammala2007dyadiclambdaalpha")] // "From" skipped; LaTeX reduced to its letters
    [InlineData("0704.0009", "harvey2007spitzerc2d")] // "The" skipped
    [InlineData("0704.0002", "streinu2007sparsitycertifyinggraph")] // a hyphenated word is one word
    public async Task KeysAreTheFirstAuthorTheYearAndTwoSignificantTitleWords(string id, string key)
    {
        await using var app = await WithSnapshotAsync();

        var bibtex = await app.CreateClient().GetStringAsync($"/api/papers/{id}/cite?format=bibtex");

        Assert.StartsWith($"@misc{{{key},\n", bibtex);
    }

    [Fact]
    public void TheKeyOfArxivsOwnExampleIsVaswani2017AttentionNeed()
    {
        var paper = new Paper { Id = "1706.03762", Title = "Attention Is All You Need", Authors = ["Ashish Vaswani", "Noam Shazeer"], PublishedAt = new DateTime(2017, 6, 12, 0, 0, 0, DateTimeKind.Utc) };

        Assert.Equal("vaswani2017attentionneed", CitationKey.Of(paper));
    }

    [Fact]
    public async Task TitlesKeepTheirLatexInBibtex()
    {
        await using var app = await WithSnapshotAsync();

        var bibtex = await app.CreateClient().GetStringAsync("/api/papers/0704.0005/cite");

        Assert.Contains(@"      title={From dyadic $\Lambda_{\alpha}$ to $\Lambda_{\alpha}$}, " + "\n", bibtex);
    }

    [Theory]
    [InlineData("Tom & Jerry: 100% of $x_i$ for #1", @"Tom \& Jerry: 100\% of $x_i$ for \#1")]
    [InlineData("snake_case models", @"snake\_case models")]
    [InlineData(@"Already \& escaped, \emph{kept}", @"Already \& escaped, \emph{kept}")]
    [InlineData("An { unbalanced brace", @"An \{ unbalanced brace")]
    public void BibtexSpecialsInTitlesAreEscapedAndLatexIsKept(string title, string written) =>
        Assert.Equal(written, BibtexWriter.Latex(title));

    [Fact]
    public async Task RisHasOneTaggedLinePerFieldForARealPaper()
    {
        await using var app = await WithSnapshotAsync();

        var response = await app.CreateClient().GetAsync("/api/papers/0704.0009/cite?format=ris");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("TY  - GEN", lines[0]);
        Assert.Equal(["AU  - Harvey, Paul", "AU  - Merin, Bruno", "AU  - Huard, Tracy L.", "AU  - Rebull, Luisa M.", "AU  - Chapman, Nicholas",
            "AU  - Evans, Neal J., II", "AU  - Myers, Philip C."], lines.Where(l => l.StartsWith("AU  - ")));
        Assert.Contains("TI  - The Spitzer c2d Survey of Large, Nearby, Insterstellar Clouds. IX. The Serpens YSO Population As Observed With IRAC and MIPS", lines);
        Assert.Contains("PY  - 2007", lines);
        Assert.Contains("UR  - https://arxiv.org/abs/0704.0009", lines);
        Assert.Contains(lines, l => l.StartsWith("AB  - We discuss the results from the combined IRAC and MIPS c2d"));
        Assert.Equal(["ER  - ", ""], lines[^2..]);
    }

    [Fact]
    public async Task CslJsonIsAnArrayOfArticlesPublishedByArxiv()
    {
        await using var app = await WithSnapshotAsync();

        var item = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/papers/0704.0001/cite?format=csljson")).RootElement.EnumerateArray().Single();

        Assert.Equal("article", item.GetProperty("type").GetString());
        Assert.Equal("balazs2007calculationprompt", item.GetProperty("id").GetString());
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", item.GetProperty("title").GetString());
        Assert.Equal("""{"family":"Balázs","given":"C."}""", JsonSerializer.Serialize(item.GetProperty("author")[0], new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("[[2007,4,2]]", item.GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "").Replace("\n", "").Replace("\r", ""));
        Assert.Equal("https://arxiv.org/abs/0704.0001", item.GetProperty("URL").GetString());
        Assert.Equal("0704.0001", item.GetProperty("number").GetString());
        Assert.Equal("arXiv", item.GetProperty("publisher").GetString());
        Assert.Equal("10.1103/PhysRevD.76.013009", item.GetProperty("DOI").GetString());
    }

    [Fact]
    public async Task AnUnknownFormatIs400NamingIt()
    {
        await using var app = await WithSnapshotAsync();

        var response = await app.CreateClient().GetAsync("/api/papers/0704.0001/cite?format=endnote");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"detail":"'endnote' is not a citation format; use bibtex, ris or csljson.","errors":{"format":["'endnote' is not a citation format; use bibtex, ris or csljson."]}}""",
            await ProblemJson.WithoutTraceIdAsync(response));
    }

    [Fact]
    public async Task CitingAnUnknownPaperIs404()
    {
        await using var app = await PaperboyFactory.StartAsync(Engine.Sqlite);

        var response = await app.CreateClient().GetAsync("/api/papers/2409.99999/cite");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no paper 2409.99999 here.", (await CommunityTestData.JsonAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ThePaperPageHasACiteButtonWithTheBibtexAndEachFormat()
    {
        await using var app = await WithSnapshotAsync();

        var (_, page) = await Html.GetAsync(app.CreateClient(), "/papers/0704.0001");

        var cite = page.QuerySelector("details.cite")!;
        Assert.Equal("Cite", cite.QuerySelector("summary").Text());
        Assert.StartsWith("@misc{balazs2007calculationprompt,", cite.QuerySelector("pre.bibtex")!.TextContent);
        Assert.Equal(["/api/papers/0704.0001/cite?format=bibtex", "/api/papers/0704.0001/cite?format=ris", "/api/papers/0704.0001/cite?format=csljson"],
            cite.QuerySelectorAll(".cite-formats a").Select(a => a.GetAttribute("href")));
    }
}
