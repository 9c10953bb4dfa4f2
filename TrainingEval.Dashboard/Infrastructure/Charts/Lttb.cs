namespace TrainingEval.Dashboard.Infrastructure.Charts;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and last point
/// and, from each of <c>threshold - 2</c> equal buckets, the point forming the largest triangle with
/// the previously kept point and the next bucket's average — so peaks and troughs survive where
/// plain decimation would drop them. Browsers slow down badly with thousands of SVG points, so every
/// series above <see cref="DefaultThreshold"/> points is reduced on the server before it is sent.
/// </summary>
public static class Lttb
{
    /// <summary>The most points a series sends to the browser.</summary>
    public const int DefaultThreshold = 2000;

    /// <summary>Downsamples points whose x is their position in the list.</summary>
    public static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> data, int threshold, Func<T, double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        return Downsample(data, threshold, (_, i) => i, (p, _) => y(p));
    }

    /// <summary>Downsamples points with their own x (numbers or Unix-millisecond times, ascending).</summary>
    public static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> data, int threshold, Func<T, double> x, Func<T, double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Downsample(data, threshold, (p, _) => x(p), (p, _) => y(p));
    }

    /// <summary>
    /// Reduces an axis series to <paramref name="threshold"/> points when it has more. Series are left
    /// as they are when they cannot be thinned without changing their meaning: points without an x
    /// (their category names are in the x axis, which would no longer line up), gaps (null values)
    /// and box-plot points. A range keeps the points whose band middle matters most.
    /// </summary>
    public static ChartSeries Downsample(ChartSeries series, int threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(series);
        var data = series.Data;
        if (data.Count <= threshold || !CanDownsample(data))
            return series;

        var numericX = data.All(p => !p.X!.Value.IsCategory);
        var reduced = Downsample(
            data,
            threshold,
            (p, i) => numericX ? p.X!.Value.Number : i,
            (p, _) => p.Kind == ChartPointKind.Range ? (p.Values![0] + p.Values[1]) / 2 : p.Value!.Value);
        return series with { Data = reduced };
    }

    private static bool CanDownsample(IReadOnlyList<ChartPoint> data) =>
        data.All(p => p.X is not null && p.Kind switch
        {
            ChartPointKind.Value => p.Value is not null,
            ChartPointKind.Range => true,
            _ => false,
        });

    private static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> data, int threshold, Func<T, int, double> x, Func<T, int, double> y)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (threshold < 3)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "LTTB keeps the first and last point and at least one between: the threshold must be 3 or more.");
        var count = data.Count;
        if (count <= threshold)
            return data;

        var sampled = new T[threshold];
        sampled[0] = data[0];
        sampled[threshold - 1] = data[count - 1];

        // The first and last point are fixed; the rest is split into threshold - 2 buckets.
        var bucketSize = (double)(count - 2) / (threshold - 2);
        var previous = 0;
        for (var bucket = 0; bucket < threshold - 2; bucket++)
        {
            var start = (int)Math.Floor(bucket * bucketSize) + 1;
            var end = (int)Math.Floor((bucket + 1) * bucketSize) + 1;

            // Average of the next bucket (for the last bucket: the fixed last point).
            var nextStart = end;
            var nextEnd = Math.Min((int)Math.Floor((bucket + 2) * bucketSize) + 1, count);
            double avgX = 0, avgY = 0;
            for (var i = nextStart; i < nextEnd; i++)
            {
                avgX += x(data[i], i);
                avgY += y(data[i], i);
            }
            var nextCount = nextEnd - nextStart;
            avgX /= nextCount;
            avgY /= nextCount;

            var ax = x(data[previous], previous);
            var ay = y(data[previous], previous);
            var best = start;
            var bestArea = -1.0;
            for (var i = start; i < end; i++)
            {
                // Twice the triangle's area; the factor does not change which point wins.
                var area = Math.Abs(((ax - avgX) * (y(data[i], i) - ay)) - ((ax - x(data[i], i)) * (avgY - ay)));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = i;
                }
            }

            sampled[bucket + 1] = data[best];
            previous = best;
        }

        return sampled;
    }
}
