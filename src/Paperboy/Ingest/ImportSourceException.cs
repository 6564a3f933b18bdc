namespace Paperboy.Ingest;

/// <summary>
/// A source could not be read or answered with an error (unreachable host, HTTP error, an error feed).
/// The message is one readable line for the CLI, the log and the ImportRun row, whatever of the source it quotes
/// (an XML parser's message holds the offending character, a NUL included).
/// </summary>
public sealed class ImportSourceException(string message, Exception? inner = null) : Exception(TextClean.Line(message, 500), inner);
