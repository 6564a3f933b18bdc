using Paperboy.Bench;

// Search benchmarks; see docs/benchmarks.md "Search" for what each verb measures and how to run it.
return args.FirstOrDefault() switch
{
    "embed-corpus" => EmbedCorpus.Run(args[1], args[2], args[3]),
    "check-embedder" => CheckEmbedder.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: embed-corpus CORPUS MODEL OUT.f32");
    return 2;
}
