using System.Globalization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Indicators;
using TrainingEval.Domain.Scoring;

namespace TrainingEval.Dashboard.Features.Cohorts;

/// <summary>Columns the learner table sorts by; the names are the URL's <c>sort</c> values.</summary>
public static class CohortSortColumns
{
    public const string Rank = "rank";
    public const string Name = "name";
    public const string Department = "department";
    public const string Composite = "composite";
    public const string Coverage = "coverage";
    public const string Tier = "tier";

    /// <summary>A level column, e.g. "behavior".</summary>
    public static string Level(KirkpatrickLevel level) => level.ToString().ToLowerInvariant();

    public static bool IsKnown(string? column) => column is Rank or Name or Department or Composite or Coverage or Tier
        || KirkpatrickLevels.All.Any(l => Level(l) == column);
}

/// <summary>One row of the learner table.</summary>
public sealed record CohortTableRow(int Index, CohortLearner Learner, LearnerScore Score, int? Rank);

/// <summary>What the learner table asks for: a filter, a sort and a page (all from the URL).</summary>
public sealed record CohortLearnerQuery
{
    public const int DefaultPageSize = 10;
    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    /// <summary>Part of a name (either language) or an employee number.</summary>
    public string? Search { get; init; }

    /// <summary>Department code, or null for all.</summary>
    public string? Department { get; init; }

    /// <summary>Tier, or null for all.</summary>
    public Tier? Tier { get; init; }

    public string Sort { get; init; } = CohortSortColumns.Rank;

    public bool Descending { get; init; }

    /// <summary>Zero-based page.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// The matching rows, sorted (learners without a value last, whatever the direction) and paged;
    /// <paramref name="total"/> is the number of matches. Runs in the circuit over the scores the page
    /// already holds, so a what-if draft sorts and filters the same way; only one page goes to the browser.
    /// </summary>
    public IReadOnlyList<CohortTableRow> Apply(CohortScoreSet set, CultureInfo culture, out int total)
    {
        var rows = All(set, culture);
        total = rows.Count;
        var size = Math.Clamp(PageSize, 1, PageSizes[^1]);
        var page = Math.Clamp(Page, 0, Math.Max(0, (total - 1) / size));
        return rows.Skip(page * size).Take(size).ToList();
    }

    /// <summary>Every matching row, sorted as <see cref="Apply"/> sorts them (for exports: the whole filter, not one page).</summary>
    public IReadOnlyList<CohortTableRow> All(CohortScoreSet set, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(culture);
        var rows = Enumerable.Range(0, set.Count)
            .Select(i => new CohortTableRow(i, set.Learners[i], set.Scores[i], set.Ranks[i]))
            .Where(Matches)
            .ToList();
        var comparer = StringComparer.Create(culture, ignoreCase: true);
        // Keys computed once per row (not per comparison): a 2,000-learner cohort sorts on every what-if move.
        Func<CohortTableRow, string>? text = Sort switch
        {
            CohortSortColumns.Name => r => r.Learner.DisplayName(culture),
            CohortSortColumns.Department => r => r.Learner.DepartmentDisplayName(culture),
            _ => null,
        };
        Func<CohortTableRow, double?> number = Sort switch
        {
            CohortSortColumns.Composite => r => r.Score.Composite,
            CohortSortColumns.Coverage => r => r.Score.Coverage,
            CohortSortColumns.Tier => r => r.Score.Tier is { } t ? (int)t : null,
            _ when KirkpatrickLevels.All.FirstOrDefault(l => CohortSortColumns.Level(l) == Sort) is var level && CohortSortColumns.Level(level) == Sort
                => r => r.Score.LevelScore(level),
            _ => r => r.Rank,
        };
        var texts = text is null ? null : rows.Select(text).ToArray();
        var numbers = text is null ? rows.Select(number).ToArray() : null;
        var order = Enumerable.Range(0, rows.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int result;
            if (texts is not null)
            {
                result = comparer.Compare(texts[a], texts[b]);
            }
            else
            {
                var (na, nb) = (numbers![a], numbers[b]);
                if (na is null || nb is null)
                    return na is null == nb is null ? Tiebreak(rows[a], rows[b]) : na is null ? 1 : -1;
                result = na.Value.CompareTo(nb.Value);
            }
            if (Descending)
                result = -result;
            return result != 0 ? result : Tiebreak(rows[a], rows[b]);
        });
        return [.. order.Select(i => rows[i])];

        static int Tiebreak(CohortTableRow a, CohortTableRow b) => string.CompareOrdinal(a.Learner.EmployeeNumber, b.Learner.EmployeeNumber);
    }

    private bool Matches(CohortTableRow row)
    {
        if (Department is { Length: > 0 } department && !string.Equals(row.Learner.DepartmentCode, department, StringComparison.OrdinalIgnoreCase))
            return false;
        if (Tier is { } tier && row.Score.Tier != tier)
            return false;
        if (Search?.Trim() is { Length: > 0 } search)
        {
            var learner = row.Learner;
            return learner.EmployeeNumber.Contains(search, StringComparison.OrdinalIgnoreCase)
                || learner.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (learner.NameEn?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
        }
        return true;
    }
}
