using Paperboy.Storage;
namespace Paperboy.Community;

/// <summary>
/// A part that another feature adds to the account page, below the API tokens (the digest adds the watch-lists): the
/// page stays Community's, and the feature above it keeps its own component and forms.
/// </summary>
public interface IAccountSection
{
    /// <summary>The component to show for <paramref name="user"/> and its parameters.</summary>
    Task<AccountSection> RenderAsync(HttpContext context, User user, CancellationToken ct);
}

/// <summary>A component type and its parameters, rendered with <c>DynamicComponent</c>.</summary>
public sealed record AccountSection(Type Component, IDictionary<string, object?> Parameters);
