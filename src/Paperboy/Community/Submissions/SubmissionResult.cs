namespace Paperboy.Community;

/// <summary>A submission's outcome: featured on <see cref="Day"/>, or refused with a status and a message for people.</summary>
public sealed record SubmissionResult(string? PaperId, DateOnly? Day, int Status, string? Problem)
{
    public static SubmissionResult Featured(string id, DateOnly day) => new(id, day, 201, null);
    public static SubmissionResult Refused(int status, string problem) => new(null, null, status, problem);
}
