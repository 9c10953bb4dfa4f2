using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Infrastructure.Live;

namespace TrainingEval.Tests.Infrastructure.Live;

public class ScoreChangeNotifierTests
{
    private readonly InProcessScoreChangeNotifier _notifier = new(NullLogger<InProcessScoreChangeNotifier>.Instance);

    [Fact]
    public async Task Every_subscriber_hears_a_change()
    {
        var heard = new List<(string, int)>();
        using var a = _notifier.Subscribe(c => { heard.Add(("a", c.CohortId)); return Task.CompletedTask; });
        using var b = _notifier.Subscribe(c => { heard.Add(("b", c.CohortId)); return Task.CompletedTask; });

        await _notifier.PublishAsync(new CohortScoresChanged(7));

        heard.ShouldBe([("a", 7), ("b", 7)]);
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing()
    {
        var count = 0;
        var subscription = _notifier.Subscribe(_ => { count++; return Task.CompletedTask; });
        subscription.Dispose();

        await _notifier.PublishAsync(new CohortScoresChanged(1));

        count.ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var heard = false;
        using var broken = _notifier.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        using var healthy = _notifier.Subscribe(_ => { heard = true; return Task.CompletedTask; });

        await _notifier.PublishAsync(new CohortScoresChanged(1));

        heard.ShouldBeTrue();
    }
}
