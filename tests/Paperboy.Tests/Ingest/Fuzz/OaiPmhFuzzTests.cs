namespace Paperboy.Tests.Ingest.Fuzz;

public sealed class OaiPmhFuzzTests : ReaderFuzzTests<OaiPmhTarget>;
