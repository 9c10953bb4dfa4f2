using Microsoft.Playwright;

namespace TrainingEval.Tests.Support;

/// <summary>Clicks on chart shapes where a user's pointer would land on them.</summary>
public static class ChartClicks
{
    /// <summary>
    /// Clicks a point of the shape that the shape itself receives. Playwright clicks the middle of the bounding box, which
    /// for a wide donut slice (half the ring or more, as when the demo's D tier grows under other tests' writes) lies in
    /// the donut's hole, where ApexCharts' transparent centre circle takes the click. This asks the browser's own hit
    /// test (<c>elementFromPoint</c>) over a grid of the shape's box for a point that reaches the shape.
    /// </summary>
    public static async Task ClickWhereItIsHitAsync(this ILocator shape)
    {
        await shape.ScrollIntoViewIfNeededAsync();
        var point = await shape.EvaluateAsync<double[]?>("""
            el => {
              const box = el.getBoundingClientRect();
              let best = null;
              for (let i = 1; i < 20; i++)
                for (let j = 1; j < 20; j++) {
                  const x = box.left + box.width * i / 20, y = box.top + box.height * j / 20;
                  if (document.elementFromPoint(x, y) !== el) continue;
                  // Prefer the hit point nearest the box's middle: well inside the shape, away from its edges' neighbours.
                  const d = (i - 10) ** 2 + (j - 10) ** 2;
                  if (!best || d < best[2]) best = [x - box.left, y - box.top, d];
                }
              return best ? [best[0], best[1]] : null;
            }
            """);
        if (point is null)
            throw new InvalidOperationException($"No point of {shape} receives a click: something covers all of it.");
        await shape.ClickAsync(new() { Position = new() { X = (float)point[0], Y = (float)point[1] } });
    }
}
