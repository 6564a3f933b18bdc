using Paperboy.Storage;
namespace Paperboy.Ingest.Writing;

/// <summary>
/// The one way papers get into the store: every source (HF daily, arXiv API, OAI-PMH, snapshot) writes through it.
/// Open a <see cref="PaperWriter"/> for a run and write batches; each batch is one transaction that also moves the
/// run's cursor and counts, so a killed import never leaves a batch half-written or a cursor ahead of the data.
/// </summary>
/// <remarks>
/// Rules, the same on both engines:
/// <list type="bullet">
/// <item>a paper not stored yet is inserted;</item>
/// <item>arXiv metadata (title, abstract, authors, categories, dates, comment, journal-ref, DOI) replaces the stored one
/// when the record's version is the same or newer and something differs; HF's copy never replaces arXiv's;</item>
/// <item>what HF adds (upvotes, comment count, code, stars, project page, summary, keywords, thumbnail, organization)
/// refreshes when it comes from a list at least as recent as the stored numbers' (<c>imported_list_day</c>), so that
/// re-importing older days never rolls numbers back; <c>local_upvotes</c> and <c>comment_count</c> are never written;</item>
/// <item>a featured row is added once per paper; a later import naming an earlier day moves an imported row there.</item>
/// </list>
/// Writing the same data twice changes nothing and counts every paper as unchanged.
/// </remarks>
public sealed class PaperUpserter(StorageConnection storage)
{
    public async Task<PaperWriter> OpenAsync(CancellationToken ct)
    {
        PaperWriter writer = storage.IsPostgres ? new PostgresPaperWriter(storage.ConnectionString) : new SqlitePaperWriter(storage.ConnectionString);
        try
        {
            await writer.OpenAsync(ct);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }
}
