namespace Paperboy.Tests.Ingest.Fuzz;

public sealed class SnapshotFuzzTests : ReaderFuzzTests<SnapshotTarget>;
