using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Plans;
using TrainingEval.Domain.Profiles;

namespace TrainingEval.Dashboard.Features.Scoring;

/// <summary>A scored learner of the cohort: the enrollment, what collectors need to know about them, and the employee number messages name them by.</summary>
public readonly record struct ScoredEnrollment(int EnrollmentId, int LearnerId, int DepartmentId, string EmployeeNumber);

/// <summary>
/// What the collectors work on: one cohort, the learners to collect for (every scored enrollment, or
/// only those a change touched), the profile (for parameters such as the application window) and
/// "today" (assignments not yet due and windows not yet closed do not count against anyone).
/// </summary>
public sealed class CollectionScope
{
    public required int CohortId { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required WeightProfile Profile { get; init; }
    public required DateTime AsOf { get; init; }

    /// <summary>The learners collected for, in a stable order (by enrollment id).</summary>
    public required IReadOnlyList<ScoredEnrollment> Enrollments { get; init; }

    /// <summary>True when <see cref="Enrollments"/> is a subset of the cohort: queries then filter by these ids.</summary>
    public required bool IsPartial { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(AsOf);

    public IReadOnlyList<int> EnrollmentIds => _ids ??= Enrollments.Select(e => e.EnrollmentId).ToArray();

    private IReadOnlyList<int>? _ids;

    public bool Wants(string indicatorCode) => Profile.Find(indicatorCode) is not null;

    /// <summary>
    /// Which record kinds the cohort tracks (<see cref="EvaluationPlans"/>); <see cref="ObservationCollector"/> loads it
    /// when the scope does not bring it.
    /// </summary>
    public EvaluationPlan? Plan { get; init; }

    /// <summary>
    /// Spec section 9, "Derived counts need a source": a counted indicator is derived only from a kind the cohort tracks.
    /// A collector called without a plan (a unit test of its arithmetic) counts every kind.
    /// </summary>
    public bool Derives(string indicatorCode) => Plan?.Derives(indicatorCode) ?? true;

    /// <summary>This scope with the cohort's plan.</summary>
    public CollectionScope With(EvaluationPlan plan) => new()
    {
        CohortId = CohortId,
        StartDate = StartDate,
        EndDate = EndDate,
        Profile = Profile,
        AsOf = AsOf,
        Enrollments = Enrollments,
        IsPartial = IsPartial,
        Plan = plan,
    };
}

/// <summary>Collected raw values by enrollment.</summary>
public sealed class ObservationSink
{
    private readonly Dictionary<int, List<Observation>> _byEnrollment = [];

    public void Add(int enrollmentId, string indicatorCode, double value, double? baseline = null, double? target = null)
    {
        if (!_byEnrollment.TryGetValue(enrollmentId, out var list))
            _byEnrollment[enrollmentId] = list = [];
        list.Add(new Observation(indicatorCode, value, baseline, target));
    }

    public IReadOnlyList<Observation> For(int enrollmentId) =>
        _byEnrollment.TryGetValue(enrollmentId, out var list) ? list : [];

    /// <summary>Removes the enrollment's observations of one indicator (a stored value replaces them).</summary>
    public void Remove(int enrollmentId, string indicatorCode)
    {
        if (_byEnrollment.TryGetValue(enrollmentId, out var list))
            list.RemoveAll(o => string.Equals(o.IndicatorCode, indicatorCode, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>Derives the raw values of one or more built-in indicators from the records.</summary>
public interface IIndicatorCollector
{
    /// <summary>The indicator codes this collector produces.</summary>
    IReadOnlyList<string> Indicators { get; }

    Task CollectAsync(TrainingDbContext db, CollectionScope scope, ObservationSink sink, CancellationToken cancellationToken);
}
