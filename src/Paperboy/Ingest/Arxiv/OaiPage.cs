namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// One OAI-PMH answer: its records, how many were deleted records, the records that could not be read (and why),
/// the resumption token when more follows, and the OAI error (code and message) when the answer is an error.
/// </summary>
public sealed record OaiPage(
    IReadOnlyList<PaperRecord> Records, int Deleted, IReadOnlyList<ImportProblem> Rejected,
    string? ResumptionToken, string? ErrorCode, string? ErrorMessage);
