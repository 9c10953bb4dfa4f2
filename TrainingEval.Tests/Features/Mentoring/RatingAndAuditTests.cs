using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Mentoring;

public sealed class RatingAndAuditTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(Today));
        _data = await TestData.CreateAsync(_database);
        _services = new Services(_database, actor: "mentor.wang");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Ratings_append_history_rescore_the_learner_and_are_audited()
    {
        await _services.Ratings.RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, "initiative", 3, null), 0, Ct);
        await _services.Ratings.RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, "Initiative", 5, "进步明显"), 1, Ct);

        var history = await _services.Ratings.HistoryAsync(_data[0].Id, Ct);
        history.Select(r => (r.Dimension, r.Sequence, r.Score)).ShouldBe([("initiative", 1, 3), ("initiative", 2, 5)]);
        await using var db = _database.CreateContext();
        var score = await db.LearnerScores.SingleAsync(s => s.EnrollmentId == _data[0].Id, Ct);
        // Latest initiative rating 5 → 100 points (weight 40). The cohort has no application events at all, so it does not
        // track them and application is missing, not a derived 0 (spec section 9).
        score.Behavior!.Value.ShouldBe(100, 1e-9);
        var audit = await db.AuditTrail.Where(a => a.EntityType == nameof(MentorRating)).OrderBy(a => a.Id).ToListAsync(Ct);
        audit.Count.ShouldBe(2);
        audit[1].Actor.ShouldBe("mentor.wang");
        audit[1].Action.ShouldBe(AuditAction.Added);
        audit[1].NewValue.ShouldNotBeNull();
        audit[1].NewValue!.ShouldContain("\"Score\":\"5\"");
        audit[1].NewValue!.ShouldContain("进步明显");
    }

    [Fact]
    public async Task A_rating_based_on_a_stale_history_tells_the_second_rater()
    {
        await _services.Ratings.RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, "attitude", 4, null), 0, Ct);

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            _services.Ratings.RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, "attitude", 2, null), 0, Ct));

        ex.Message.ShouldBe("This learner's attitude was rated 4 at 2026-09-01 12:00 UTC since you opened it. Reload to see that rating, then rate again.");
    }

    [Theory]
    [InlineData("initiative", 0, "A mentor rating is a whole number from 1 to 5; 0 is not.")]
    [InlineData("charm", 3, "'charm' is not a mentor dimension; use one of initiative, attitude, innovation, collaboration, application.")]
    public async Task Bad_ratings_are_refused_with_a_specific_message(string dimension, int score, string message)
    {
        var ex = await Should.ThrowAsync<DataValidationException>(() =>
            _services.Ratings.RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, dimension, score, null), 0, Ct));
        ex.Errors.ShouldBe([message]);
    }

    [Fact]
    public async Task Edits_of_imported_data_are_audited_with_old_and_new_values()
    {
        using (_database.Actor.As("hr.li"))
        await using (var db = _database.CreateContext())
        {
            var review = new PerformanceReview { LearnerId = _data[0].LearnerId, ReviewedOn = new DateOnly(2026, 6, 30), BehaviorRating = 3, OverallRating = 3.5 };
            db.PerformanceReviews.Add(review);
            await db.SaveChangesAsync(Ct);
            review.OverallRating = 4;
            await db.SaveChangesAsync(Ct);
            db.PerformanceReviews.Remove(review);
            await db.SaveChangesAsync(Ct);
        }

        await using var check = _database.CreateContext();
        var lines = await check.AuditTrail.Where(a => a.EntityType == nameof(PerformanceReview)).OrderBy(a => a.Id).ToListAsync(Ct);
        lines.Select(l => l.Action).ShouldBe([AuditAction.Added, AuditAction.Modified, AuditAction.Deleted]);
        lines[1].ShouldSatisfyAllConditions(
            l => l.Property.ShouldBe(nameof(PerformanceReview.OverallRating)),
            l => l.OldValue.ShouldBe("3.5"),
            l => l.NewValue.ShouldBe("4"),
            l => l.Actor.ShouldBe("hr.li"),
            l => l.EntityKey.ShouldBe(lines[0].EntityKey));
        lines[2].OldValue.ShouldNotBeNull();
        lines[2].OldValue!.ShouldContain("\"OverallRating\":\"4\"");
    }
}
