using Paperboy.Storage;
namespace Paperboy.Community;

/// <summary>The account signed in (when <see cref="User"/> is set), or why not; <see cref="HandleProblem"/> asks for another handle.</summary>
public sealed record SignInOutcome(SignInLinkState State, User? User, string? HandleProblem);
