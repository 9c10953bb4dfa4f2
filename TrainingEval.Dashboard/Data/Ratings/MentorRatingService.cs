using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Data.Entities;
using TrainingEval.Dashboard.Data.Scoring;
using TrainingEval.Domain.Evaluation;

namespace TrainingEval.Dashboard.Data.Ratings;

/// <summary>A mentor's new rating of a learner on one dimension.</summary>
public sealed record RatingInput(int EnrollmentId, int MentorId, string Dimension, int Score, string? Comment);

/// <summary>
/// Records mentor ratings into their append-only history and rescores the learner. A rating is based on
/// the latest one the mentor saw (its sequence number, 0 for none): if someone rated the same learner on
/// the same dimension in between, the second writer gets a <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class MentorRatingService(IDbContextFactory<TrainingDbContext> factory, CohortScoreService scores, TimeProvider clock, ICurrentActor actor)
{
    /// <exception cref="DataValidationException">Score, dimension or comment out of range.</exception>
    /// <exception cref="ConcurrencyConflictException">A newer rating exists than <paramref name="expectedLatestSequence"/>.</exception>
    public async Task<MentorRating> RecordAsync(RatingInput input, int expectedLatestSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<string>();
        if (input.Score is < MentorRating.MinScore or > MentorRating.MaxScore)
            errors.Add($"A mentor rating is a whole number from {MentorRating.MinScore} to {MentorRating.MaxScore}; {input.Score} is not.");
        var dimension = BuiltInIndicators.MentorDimensions.FirstOrDefault(d => string.Equals(d, input.Dimension?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (dimension is null)
            errors.Add($"'{input.Dimension}' is not a mentor dimension; use one of {string.Join(", ", BuiltInIndicators.MentorDimensions)}.");
        if (input.Comment?.Length > MentorRating.CommentMaxLength)
            errors.Add($"The comment must be at most {MentorRating.CommentMaxLength} characters; it has {input.Comment.Length}.");
        if (errors.Count > 0)
            throw new DataValidationException(errors);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = await actor.GetNameAsync();
        db.Clock = clock;
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EnrollmentId, cancellationToken)
            ?? throw new RecordNotFoundException("enrollment", input.EnrollmentId);
        if (!await db.Mentors.AnyAsync(m => m.Id == input.MentorId, cancellationToken))
            throw new RecordNotFoundException("mentor", input.MentorId);

        var latest = await db.MentorRatings.AsNoTracking()
            .Where(r => r.EnrollmentId == input.EnrollmentId && r.Dimension == dimension)
            .OrderByDescending(r => r.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        if ((latest?.Sequence ?? 0) != expectedLatestSequence)
            throw Conflict(dimension!, latest);

        var rating = new MentorRating
        {
            EnrollmentId = input.EnrollmentId,
            MentorId = input.MentorId,
            Dimension = dimension!,
            Score = input.Score,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            RatedAt = clock.GetUtcNow().UtcDateTime,
            Sequence = expectedLatestSequence + 1,
        };
        db.MentorRatings.Add(rating);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateValueException ex)
        {
            // Lost the race between the check and the insert: the unique (enrollment, dimension, sequence) index told us.
            throw new ConcurrencyConflictException($"Someone rated this learner's {dimension} at the same moment. Reload to see their rating, then rate again.", ex);
        }

        await scores.RecomputeLearnersAsync(enrollment.CohortId, [enrollment.Id], cancellationToken);
        return rating;
    }

    /// <summary>The learner's rating history in a cohort, oldest first per dimension.</summary>
    public async Task<IReadOnlyList<MentorRating>> HistoryAsync(int enrollmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.MentorRatings.AsNoTracking()
            .Where(r => r.EnrollmentId == enrollmentId)
            .OrderBy(r => r.Dimension).ThenBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
    }

    private static ConcurrencyConflictException Conflict(string dimension, MentorRating? latest) => new(latest is null
        ? $"The learner's {dimension} ratings changed while you were rating. Reload and rate again."
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"This learner's {dimension} was rated {latest.Score} at {latest.RatedAt:yyyy-MM-dd HH:mm} UTC since you opened it. Reload to see that rating, then rate again."));
}
