using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Domain.Health;

namespace TrainingEval.Dashboard.Features.Health;

/// <summary>The name of what an alert is about (an assessment of a <c>score_drop</c>), in both languages.</summary>
public sealed record AlertSubjectName(string Name, string? NameEn) : IBilingualName;

/// <summary>
/// Looks up the names an alert detail refers to by id (<see cref="AlertDetail.AssessmentId"/>), so every reader sees
/// them in their own language: details store ids and numbers, never a name in one language.
/// </summary>
internal static class AlertSubjects
{
    /// <summary>The assessments the details name, by id; details without one are skipped.</summary>
    public static async Task<IReadOnlyDictionary<int, AlertSubjectName>> AssessmentsAsync(TrainingDbContext db, IEnumerable<string?> details, CancellationToken cancellationToken)
    {
        var ids = details.Select(d => AlertDetail.Parse(d)?.AssessmentId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<int, AlertSubjectName>();
        return await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new AlertSubjectName(a.Name, a.NameEn), cancellationToken);
    }

    /// <summary>The assessment a detail names, or null.</summary>
    public static AlertSubjectName? Of(IReadOnlyDictionary<int, AlertSubjectName> assessments, string? detail) =>
        AlertDetail.Parse(detail)?.AssessmentId is { } id ? assessments.GetValueOrDefault(id) : null;
}
