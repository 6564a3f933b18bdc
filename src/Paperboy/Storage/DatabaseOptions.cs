namespace Paperboy.Storage;

/// <summary>Section <c>Paperboy:Database</c>. The PostgreSQL connection string comes from <c>ConnectionStrings:Paperboy</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Paperboy:Database";

    /// <summary><c>sqlite</c> (default: <c>paperboy.db</c> in the data folder) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
                              || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}
