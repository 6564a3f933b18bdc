using Paperboy.Bench;

// Search benchmarks, see docs/benchmarks.md "Search" for what each verb measures and how to run it; and the importers' fuzzing (docs/reliability.md).
return args.FirstOrDefault() switch
{
    "embed-corpus" => EmbedCorpus.Run(args[1], args[2], args[3]),
    "check-embedder" => CheckEmbedder.Run(),
    "vector-scale" => VectorScale.Run(args[1], args[2], int.Parse(args[3])),
    "eval" => await SearchQuality.RunAsync(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4]) : 300),
    "backfill-rate" => await BackfillRate.RunAsync(args[1], int.Parse(args[2]), args.Length > 3 ? int.Parse(args[3]) : 2),
    "keyword-scale" => await KeywordScale.RunAsync(args[1], args.Length > 2 ? args[2] : null, args.Length < 4 || args[3] != "postgres-only"),
    "soak" => await Soak.RunAsync(args[1], int.Parse(args[2]), int.Parse(args[3]), args[4], int.Parse(args[5])),
    "fuzz" => FuzzReaders.Run(args.Length > 1 ? long.Parse(args[1]) : 1_000_000, args.Length > 2 ? args[2] : "0004L3hDDOu1", args.Length > 3 ? args[3] : null),
    "build-1m" => await MillionCorpus.RunAsync(args[1], args[2], args.Length > 3 && args[3].Length > 0 ? args[3] : null, args.Length > 4 ? int.Parse(args[4]) : 1_000_000),
    "recommend-eval" => RecommendQuality.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 600),
    "recommend-speed" => ForYouSpeed.Run(args[1..]),
    "keywords-overlap" => KeyphraseOverlap.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 0),
    "keywords-speed" => KeyphraseSpeed.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: embed-corpus CORPUS MODEL OUT.f32 | check-embedder | eval CORPUS MODEL VECTORS.f32 [PER_CLASS] | vector-scale CORPUS VECTORS.f32 N | backfill-rate CORPUS N [ROUNDS] | keyword-scale DIR [PG] | build-1m sqlite|postgres DIR [PG] [N] | soak BASE_URL SECONDS RATE DIR SERVER_PID | fuzz [INPUTS] [SEED] [READER] | recommend-eval CORPUS VECTORS.f32 [READERS] | recommend-speed | keywords-overlap HF_DAYS_DIR [SHOW] | keywords-speed [BENCHMARKDOTNET ARGS]");
    return 2;
}
