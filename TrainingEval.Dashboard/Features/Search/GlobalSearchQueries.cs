using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Search;

public enum SearchHitKind
{
    Learner,
    Cohort,
    Program,
}

/// <summary>One record found: what it is, its code (employee number, cohort or program code), names and a line that tells it apart.</summary>
public sealed record SearchHit(SearchHitKind Kind, string Code, string Name, string? NameEn, string? Detail, string? DetailEn) : IBilingualName
{
    public string Href => Kind switch
    {
        SearchHitKind.Learner => $"learners/{Uri.EscapeDataString(Code)}",
        SearchHitKind.Cohort => $"cohorts/{Uri.EscapeDataString(Code)}",
        _ => $"programs/{Uri.EscapeDataString(Code)}",
    };
}

/// <summary>The hits of one kind (the first <see cref="GlobalSearchQueries.HitsPerKind"/>) and how many match in all.</summary>
public sealed record SearchGroup(SearchHitKind Kind, IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>What a search found, by kind; <see cref="Groups"/> holds only the kinds the user may search.</summary>
public sealed record SearchResults(string Text, IReadOnlyList<SearchGroup> Groups)
{
    public static SearchResults None(string text) => new(text, []);

    public int Total => Groups.Sum(g => g.Total);
}

/// <summary>
/// The search in the app bar (issue 21 item 2): learners by name in either script, by their English name — which for Chinese
/// names is the pinyin the learners import carries (<c>name_en</c>), in either word order or run together — and by employee
/// number; cohorts and programs by code or name. Every word of the text must match (so "peng zhiyu" and "zhiyu peng" find
/// the same person; <see cref="SearchMatching"/>). Per-record access is the lists' own: a mentor finds only their mentees and the cohorts they mentor in,
/// and no programs (the programs page is for readers); HR and executives find everything. Codes match by their key
/// (spec section 9), so the letter case never matters.
/// </summary>
public sealed class GlobalSearchQueries(IDbContextFactory<TrainingDbContext> factory, IRecordAccess access)
{
    public const int HitsPerKind = 8;
    public const int MinLength = 2;
    public async Task<SearchResults> SearchAsync(string? text, CancellationToken cancellationToken = default)
    {
        var user = await access.EnsureInRoleAsync(Roles.ReadersAndMentors, "search");
        var words = SearchMatching.Words(text);
        if (string.Concat(words).Length < MinLength)
            return SearchResults.None(text?.Trim() ?? "");
        var visible = await access.VisibleLearnerIdsAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var learners = db.Learners.AsNoTracking();
        var cohorts = db.Cohorts.AsNoTracking();
        if (visible is not null)
            learners = learners.Where(l => visible.Contains(l.Id));
        if (!user.ReadsEverything)
            cohorts = cohorts.Where(c => c.Enrollments.Any(e => e.MentorId == user.MentorId));
        learners = SearchMatching.Learners(learners, text);
        cohorts = SearchMatching.Cohorts(cohorts, text);

        var groups = new List<SearchGroup>
        {
            await GroupAsync(SearchHitKind.Learner, learners.OrderBy(l => l.EmployeeNumberKey), l => new SearchHit(SearchHitKind.Learner, l.EmployeeNumber, l.Name, l.NameEn,
                l.EmployeeNumber + " · " + l.Department!.Name, l.EmployeeNumber + " · " + (l.Department.NameEn ?? l.Department.Name)), cancellationToken),
            await GroupAsync(SearchHitKind.Cohort, cohorts.OrderByDescending(c => c.StartDate).ThenBy(c => c.CodeKey), c => new SearchHit(SearchHitKind.Cohort, c.Code, c.Name, c.NameEn,
                c.Code + " · " + c.Program!.Name, c.Code + " · " + (c.Program.NameEn ?? c.Program.Name)), cancellationToken),
        };
        if (user.ReadsEverything)
        {
            var programs = SearchMatching.Programs(db.Programs.AsNoTracking(), text);
            groups.Add(await GroupAsync(SearchHitKind.Program, programs.OrderBy(p => p.CodeKey), p => new SearchHit(SearchHitKind.Program, p.Code, p.Name, p.NameEn,
                p.Code, p.Code), cancellationToken));
        }
        return new SearchResults(string.Join(' ', words), groups);
    }

    private static async Task<SearchGroup> GroupAsync<T>(SearchHitKind kind, IQueryable<T> rows, Expression<Func<T, SearchHit>> hit, CancellationToken cancellationToken)
    {
        var total = await rows.CountAsync(cancellationToken);
        var hits = total == 0 ? [] : await rows.Take(HitsPerKind).Select(hit).ToListAsync(cancellationToken);
        return new SearchGroup(kind, hits, total);
    }
}
