using BenchmarkDotNet.Running;
using TrainingEval.Benchmarks;

// Two timed scripts beside the BenchmarkDotNet suites: the enterprise-size imports, and the OULAD files for a manual import.
return args.FirstOrDefault() switch
{
    "import-timing" => await ImportTiming.RunAsync(args),
    "oulad-files" => OuladFileWriter.Run(args),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkAssembly).Assembly).Run(args);
    return 0;
}

namespace TrainingEval.Benchmarks
{
    /// <summary>Anchors the benchmark switcher to this assembly.</summary>
    public sealed class BenchmarkAssembly;
}
