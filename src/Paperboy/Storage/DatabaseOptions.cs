using System.ComponentModel.DataAnnotations;

namespace Paperboy.Storage;

/// <summary>Section <c>Paperboy:Database</c>. The PostgreSQL connection string comes from <c>ConnectionStrings:Paperboy</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Paperboy:Database";

    /// <summary><c>sqlite</c> (default: <c>paperboy.db</c> in the data folder) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
                              || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!IsPostgres && !string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            yield return new ValidationResult($"Paperboy:Database:Provider is '{Provider}'; use 'sqlite' (the default) or 'postgres'.", [nameof(Provider)]);
    }
}
