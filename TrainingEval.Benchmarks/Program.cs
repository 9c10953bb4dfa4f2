using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TrainingEval.Benchmarks.BenchmarkAssembly).Assembly).Run(args);

namespace TrainingEval.Benchmarks
{
    /// <summary>Anchors the benchmark switcher to this assembly.</summary>
    public sealed class BenchmarkAssembly;
}
