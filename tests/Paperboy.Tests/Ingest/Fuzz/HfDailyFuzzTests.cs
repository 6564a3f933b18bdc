namespace Paperboy.Tests.Ingest.Fuzz;

public sealed class HfDailyFuzzTests : ReaderFuzzTests<HfDailyTarget>;
