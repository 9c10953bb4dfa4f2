using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Comparisons;
using TrainingEval.Domain.Health;
using TrainingEval.Domain.Indicators;

namespace TrainingEval.Dashboard.Features.Mentoring;

/// <summary>A mentor's new rating of a learner on one dimension.</summary>
public sealed record RatingInput(int EnrollmentId, int MentorId, string Dimension, int Score, string? Comment);

/// <summary>One dimension of a rating sheet: the new score and the sequence of the latest rating the mentor saw (0 for none).</summary>
public sealed record RatingLine(string Dimension, int Score, string? Comment, int ExpectedLatestSequence);

/// <summary>The latest rating on one dimension, as the rating dialog shows it beside the new one, and who gave it.</summary>
public sealed record LatestRating(string Dimension, int Score, string? Comment, DateTime RatedAt, int Sequence, string RatedBy = "", string? RatedByEn = null);

/// <summary>
/// Records mentor ratings into their append-only history and rescores the learner. A rating is based on
/// the latest one the mentor saw (its sequence number, 0 for none): if someone rated the same learner on
/// the same dimension in between, the second writer gets a <see cref="ConcurrencyConflictException"/>.
/// A rating at least a point below the previous one on its dimension raises a <c>competency_drop</c> alert
/// (unless one is open for the learner) in the same transaction.
/// </summary>
public sealed class MentorRatingService(
    IDbContextFactory<TrainingDbContext> factory,
    CohortScoreService scores,
    TimeProvider clock,
    IRecordAccess access)
{
    /// <exception cref="DataValidationException">Score, dimension or comment out of range.</exception>
    /// <exception cref="ConcurrencyConflictException">A newer rating exists than <paramref name="expectedLatestSequence"/>.</exception>
    public async Task<MentorRating> RecordAsync(RatingInput input, int expectedLatestSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var saved = await RecordSheetAsync(input.EnrollmentId, input.MentorId,
            [new RatingLine(input.Dimension, input.Score, input.Comment, expectedLatestSequence)], cancellationToken);
        return saved[0];
    }

    /// <summary>
    /// Records several dimensions at once (the rating dialog): all are saved or none. A conflict names every
    /// dimension someone else rated meanwhile, with their score.
    /// </summary>
    public async Task<IReadOnlyList<MentorRating>> RecordSheetAsync(int enrollmentId, int mentorId, IReadOnlyList<RatingLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<string>();
        var dimensions = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Score is < RatingScale.Min or > RatingScale.Max)
                errors.Add($"A mentor rating is a whole number from {RatingScale.Min} to {RatingScale.Max}; {line.Score} is not.");
            var dimension = BuiltInIndicators.MentorDimensions.FirstOrDefault(d => string.Equals(d, line.Dimension?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (dimension is null)
                errors.Add($"'{line.Dimension}' is not a mentor dimension; use one of {string.Join(", ", BuiltInIndicators.MentorDimensions)}.");
            else if (dimensions.Contains(dimension))
                errors.Add($"The dimension {dimension} is rated twice.");
            dimensions[i] = dimension!;
            if (line.Comment?.Length > MentorRating.CommentMaxLength)
                errors.Add($"The comment must be at most {MentorRating.CommentMaxLength} characters; it has {line.Comment.Length}.");
        }
        if (lines.Count == 0)
            errors.Add("Rate at least one dimension.");
        if (errors.Count > 0)
            throw new DataValidationException(errors);

        await access.EnsureCanRateAsync(enrollmentId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enrollmentId, cancellationToken)
            ?? throw new RecordNotFoundException("enrollment", enrollmentId);
        if (!await db.Mentors.AnyAsync(m => m.Id == mentorId, cancellationToken))
            throw new RecordNotFoundException("mentor", mentorId);

        var latest = await LatestAsync(db, enrollmentId, cancellationToken);
        var conflicts = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var current = latest.GetValueOrDefault(dimensions[i]);
            if ((current?.Sequence ?? 0) != lines[i].ExpectedLatestSequence)
                conflicts.Add(ConflictText(dimensions[i], current));
        }
        if (conflicts.Count > 0)
            throw new ConcurrencyConflictException(string.Join(" ", conflicts)
                + (conflicts.Count == 1 ? " Reload to see that rating, then rate again." : " Reload to see the new ratings, then rate again."));

        var now = clock.GetUtcNow().UtcDateTime;
        var ratings = new List<MentorRating>();
        var hasOpenDrop = await db.Alerts.AnyAsync(a => a.LearnerId == enrollment.LearnerId && a.Type == AlertType.CompetencyDrop && a.Status != AlertStatus.Resolved, cancellationToken);
        Alert? alert = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var rating = new MentorRating
            {
                EnrollmentId = enrollmentId,
                MentorId = mentorId,
                Dimension = dimensions[i],
                Score = line.Score,
                Comment = string.IsNullOrWhiteSpace(line.Comment) ? null : line.Comment.Trim(),
                RatedAt = now,
                Sequence = line.ExpectedLatestSequence + 1,
            };
            ratings.Add(rating);
            // One alert per save: the first dimension that dropped (in the spec's dimension order) names the suggestion.
            if (!hasOpenDrop && alert is null && AlertRules.ForRating(dimensions[i], latest.GetValueOrDefault(dimensions[i])?.Score, line.Score) is { } raised)
            {
                var week = IsoWeek.Of(DateOnly.FromDateTime(now));
                alert = new Alert
                {
                    LearnerId = enrollment.LearnerId,
                    EnrollmentId = enrollmentId,
                    MentorId = enrollment.MentorId ?? mentorId,
                    Type = AlertType.CompetencyDrop,
                    Status = AlertStatus.Open,
                    RaisedAt = now,
                    Detail = raised.Detail,
                    Suggestion = raised.Suggestion,
                };
                db.Notifications.Add(new Notification { Kind = NotificationKind.Alert, Alert = alert, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = now });
                db.Notifications.Add(new Notification { Kind = NotificationKind.Alert, Alert = alert, MentorId = alert.MentorId, IsoYear = week.Year, IsoWeek = week.Week, CreatedAt = now });
                db.Alerts.Add(alert);
            }
        }
        db.MentorRatings.AddRange(ratings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateValueException ex)
        {
            // Lost the race between the check and the insert: the unique (enrollment, dimension, sequence) index told us.
            throw new ConcurrencyConflictException($"Someone rated this learner at the same moment ({string.Join(", ", dimensions)}). Reload to see their rating, then rate again.", ex);
        }

        await scores.RecomputeLearnersAsync(enrollment.CohortId, [enrollment.Id], cancellationToken);
        return ratings;
    }

    /// <summary>The latest rating per dimension of an enrollment (what the rating dialog starts from).</summary>
    public async Task<IReadOnlyDictionary<string, LatestRating>> LatestAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        await access.EnsureCanRateAsync(enrollmentId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await LatestAsync(db, enrollmentId, cancellationToken);
    }

    /// <summary>The learner's rating history in a cohort, oldest first per dimension.</summary>
    public async Task<IReadOnlyList<MentorRating>> HistoryAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var learnerId = await db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => (int?)e.LearnerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new RecordNotFoundException("enrollment", enrollmentId);
        await access.EnsureCanReadLearnerAsync(learnerId, cancellationToken);
        return await db.MentorRatings.AsNoTracking()
            .Where(r => r.EnrollmentId == enrollmentId)
            .OrderBy(r => r.Dimension).ThenBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, LatestRating>> LatestAsync(TrainingDbContext db, int enrollmentId, CancellationToken cancellationToken)
    {
        var rows = await db.MentorRatings.AsNoTracking()
            .Where(r => r.EnrollmentId == enrollmentId)
            .Where(r => r.Sequence == db.MentorRatings.Where(x => x.EnrollmentId == enrollmentId && x.Dimension == r.Dimension).Max(x => x.Sequence))
            .Select(r => new LatestRating(r.Dimension, r.Score, r.Comment, r.RatedAt, r.Sequence, r.Mentor!.Name, r.Mentor.NameEn))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Dimension, StringComparer.OrdinalIgnoreCase);
    }

    private static string ConflictText(string dimension, LatestRating? latest) => latest is null
        ? $"The learner's {dimension} ratings changed while you were rating."
        : string.Create(CultureInfo.InvariantCulture, $"This learner's {dimension} was rated {latest.Score} at {latest.RatedAt:yyyy-MM-dd HH:mm} UTC since you opened it.");
}
