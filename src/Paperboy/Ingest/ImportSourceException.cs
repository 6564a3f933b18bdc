namespace Paperboy.Ingest;

/// <summary>
/// A source could not be read or answered with an error (unreachable host, HTTP error, an error feed).
/// The message is one readable line for the CLI, the log and the ImportRun row.
/// </summary>
public sealed class ImportSourceException(string message, Exception? inner = null) : Exception(message, inner);
