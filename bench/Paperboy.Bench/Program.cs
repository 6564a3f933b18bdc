using Paperboy.Bench;

// Search benchmarks; see docs/benchmarks.md "Search" for what each verb measures and how to run it.
return args.FirstOrDefault() switch
{
    "embed-corpus" => EmbedCorpus.Run(args[1], args[2], args[3]),
    "check-embedder" => CheckEmbedder.Run(),
    "vector-scale" => VectorScale.Run(args[1], int.Parse(args[2])),
    "eval" => await SearchQuality.RunAsync(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4]) : 1000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: embed-corpus CORPUS MODEL OUT.f32 | check-embedder | eval CORPUS MODEL VECTORS.f32 [QUERIES]");
    return 2;
}
