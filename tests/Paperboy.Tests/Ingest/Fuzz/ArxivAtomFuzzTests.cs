namespace Paperboy.Tests.Ingest.Fuzz;

public sealed class ArxivAtomFuzzTests : ReaderFuzzTests<ArxivAtomTarget>;
