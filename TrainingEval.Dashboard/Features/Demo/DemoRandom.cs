namespace TrainingEval.Dashboard.Features.Demo;

/// <summary>Seeded draws for the generator: the seeded <see cref="Random"/> is stable across runs.</summary>
internal sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public double Uniform(double min, double max) => min + (max - min) * _random.NextDouble();

    public int Int(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Standard normal by Box–Muller.</summary>
    public double Normal(double mean = 0, double sd = 1)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Poisson by Knuth's method (fine for the small means used here).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= _random.NextDouble();
        } while (p > limit);
        return k - 1;
    }

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
            total += w;
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        return weights.Count - 1;
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double Clamp(double value, double min, double max) => Math.Min(max, Math.Max(min, value));
}
