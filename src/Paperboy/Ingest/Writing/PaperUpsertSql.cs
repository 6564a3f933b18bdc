namespace Paperboy.Ingest.Writing;

/// <summary>
/// The column lists and the "what changed" conditions of the upsert, shared by both engines' writers.
/// <c>{0}</c> is the prefix of an incoming value (<c>$</c> for SQLite parameters, <c>i.</c> for the PostgreSQL staging table);
/// <c>{1}</c> the null-safe inequality (<c>IS NOT</c> / <c>IS DISTINCT FROM</c>); <c>{2}</c> the prefix of the stored row.
/// </summary>
static class PaperUpsertSql
{
    public const string InsertColumns =
        "id, version, title, abstract, authors, categories, published_at, updated_at, comment, journal_ref, doi, " +
        "project_page, github_repo, github_stars, ai_summary, ai_keywords, thumbnail, organization, imported_upvotes, imported_comments, imported_list_day, created_at, keywords";

    /// <summary>arXiv metadata applies: the record is arXiv's own and not older than the stored version.</summary>
    const string Applies = "({0}arx AND coalesce({0}version, {2}version) >= {2}version)";

    /// <summary>HF's numbers apply: they come from a list at least as recent as the one the stored numbers came from.</summary>
    const string Fresher = "({0}imported_list_day IS NOT NULL AND ({2}imported_list_day IS NULL OR {0}imported_list_day >= {2}imported_list_day))";

    static readonly (string Column, string Value)[] Metadata =
    [
        ("version", "coalesce({0}version, {2}version)"),
        ("title", "{0}title"),
        ("abstract", "{0}abstract"),
        ("authors", "{0}authors"),
        ("categories", "{0}categories"),
        ("published_at", "{0}published_at"),
        ("updated_at", "{0}updated_at"),
        ("comment", "coalesce({0}comment, {2}comment)"),
        ("journal_ref", "coalesce({0}journal_ref, {2}journal_ref)"),
        ("doi", "coalesce({0}doi, {2}doi)"),
        // Computed from the title and abstract by the writer (PaperWriter.Keywords), so they follow arXiv's text.
        ("keywords", "{0}keywords"),
    ];

    static readonly (string Column, string Value)[] Enrichment =
    [
        ("project_page", "coalesce({0}project_page, {2}project_page)"),
        ("github_repo", "coalesce({0}github_repo, {2}github_repo)"),
        ("github_stars", "coalesce({0}github_stars, {2}github_stars)"),
        ("ai_summary", "coalesce({0}ai_summary, {2}ai_summary)"),
        ("ai_keywords", "coalesce({0}ai_keywords, {2}ai_keywords)"),
        ("thumbnail", "coalesce({0}thumbnail, {2}thumbnail)"),
        ("organization", "coalesce({0}organization, {2}organization)"),
        ("imported_upvotes", "coalesce({0}imported_upvotes, {2}imported_upvotes)"),
        ("imported_comments", "coalesce({0}imported_comments, {2}imported_comments)"),
        ("imported_list_day", "{0}imported_list_day"),
    ];

    /// <summary><c>col = ...</c> for every column an update may change (never local votes or local comments).</summary>
    public static string SetClause(string incoming, string stored)
    {
        var applies = string.Format(Applies, incoming, "", stored);
        var fresher = string.Format(Fresher, incoming, "", stored);
        var metadata = Metadata.Select(m => $"{m.Column} = CASE WHEN {applies} THEN {string.Format(m.Value, incoming, "", stored)} ELSE {stored}{m.Column} END");
        var enrichment = Enrichment.Select(e => $"{e.Column} = CASE WHEN {fresher} THEN {string.Format(e.Value, incoming, "", stored)} ELSE {stored}{e.Column} END");
        return string.Join(",\n  ", metadata.Concat(enrichment));
    }

    /// <summary>True when the update would change something: the condition that makes a re-import a no-op.</summary>
    public static string Changed(string incoming, string distinct, string stored)
    {
        var applies = string.Format(Applies, incoming, distinct, stored);
        var fresher = string.Format(Fresher, incoming, distinct, stored);
        var metadata = Metadata.Select(m => $"{string.Format(m.Value, incoming, distinct, stored)} {distinct} {stored}{m.Column}");
        var enrichment = Enrichment.Select(e => $"{string.Format(e.Value, incoming, distinct, stored)} {distinct} {stored}{e.Column}");
        return $"({applies} AND ({string.Join(" OR ", metadata)}))\n  OR ({fresher} AND ({string.Join("\n  OR ", enrichment)}))";
    }

    /// <summary>The featured row's columns an import writes, in the order the writers bind them.</summary>
    public const string FeaturedColumns =
        "paper_id, day, featured_at, source, submitted_by, submitted_by_name, published_at, hf_position, discussion_id, media_urls, " +
        "github_repo_added_by, ai_summary_model, is_author_participating, organization_name, organization_avatar";

    /// <summary>What HF says about the entry itself (<see cref="HfDaily.HfEntryDetails"/>).</summary>
    static readonly string[] FeaturedHf =
        ["published_at", "hf_position", "discussion_id", "media_urls", "github_repo_added_by", "ai_summary_model", "is_author_participating",
         "organization_name", "organization_avatar"];

    /// <summary>
    /// An imported row moves to an earlier day a later import names; on its own day, a re-import refreshes what HF says
    /// about the entry, only when something differs (<paramref name="distinct"/>: <c>IS NOT</c> / <c>IS DISTINCT FROM</c>),
    /// so the same data twice writes nothing. Rows that curators or members featured are never touched.
    /// </summary>
    public static string FeaturedConflict(string distinct) =>
        "ON CONFLICT (paper_id) DO UPDATE SET day = excluded.day, featured_at = excluded.featured_at, " +
        "submitted_by = excluded.submitted_by, submitted_by_name = excluded.submitted_by_name, " +
        string.Join(", ", FeaturedHf.Select(c => $"{c} = excluded.{c}")) +
        " WHERE featured_papers.source = 0 AND (excluded.day < featured_papers.day OR (excluded.day = featured_papers.day AND (" +
        string.Join(" OR ", FeaturedHf.Select(c => $"excluded.{c} {distinct} featured_papers.{c}")) + ")))";

    public const string AdvanceRun =
        "UPDATE import_runs SET cursor = coalesce(@cursor, cursor), \"new\" = \"new\" + @new, updated = updated + @updated, " +
        "unchanged = unchanged + @unchanged, rejected = rejected + @rejected WHERE id = @run";
}
