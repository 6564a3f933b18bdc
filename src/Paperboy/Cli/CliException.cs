namespace Paperboy.Cli;

/// <summary>A problem the person at the terminal can fix; printed as one line, without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
