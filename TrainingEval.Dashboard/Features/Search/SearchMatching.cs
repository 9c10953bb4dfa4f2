using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Domain.Identity;

namespace TrainingEval.Dashboard.Features.Search;

/// <summary>
/// What a search text matches, the one rule of the app-bar search and the learner and cohort lists' search boxes: the text
/// is split into words (at most <see cref="MaxWords"/>) and every word must be found somewhere in the record —
///  a learner's name in either script, the English name (for Chinese names the pinyin, also with its spaces removed, so
/// "zhiyupeng" finds "Zhiyu Peng") or the employee number; a cohort's or program's code or name. Codes and employee numbers
/// match by their key (spec section 9). LIKE's wildcards in the text are taken literally.
/// </summary>
public static class SearchMatching
{
    public const int MaxWords = 5;

    /// <summary>The words of a search text, after cutting the text to the lists' search length.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > Paging.SearchMaxLength)
            trimmed = trimmed[..Paging.SearchMaxLength];
        return [.. trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MaxWords)];
    }

    public static IQueryable<Learner> Learners(IQueryable<Learner> learners, string? text)
    {
        foreach (var word in Words(text))
        {
            var pattern = Paging.ContainsPattern(word);
            var keyPattern = Paging.ContainsPattern(NaturalKey.Of(word));
            learners = learners.Where(l => TextSearch.Matches(l.Name, pattern) || TextSearch.Matches(l.NameEn!, pattern)
                || TextSearch.Matches(l.NameEn!.Replace(" ", ""), pattern) || TextSearch.Matches(l.EmployeeNumberKey, keyPattern));
        }
        return learners;
    }

    public static IQueryable<Cohort> Cohorts(IQueryable<Cohort> cohorts, string? text)
    {
        foreach (var word in Words(text))
        {
            var pattern = Paging.ContainsPattern(word);
            var keyPattern = Paging.ContainsPattern(NaturalKey.Of(word));
            cohorts = cohorts.Where(c => TextSearch.Matches(c.Name, pattern) || TextSearch.Matches(c.NameEn!, pattern)
                || TextSearch.Matches(c.CodeKey, keyPattern));
        }
        return cohorts;
    }

    public static IQueryable<TrainingProgram> Programs(IQueryable<TrainingProgram> programs, string? text)
    {
        foreach (var word in Words(text))
        {
            var pattern = Paging.ContainsPattern(word);
            var keyPattern = Paging.ContainsPattern(NaturalKey.Of(word));
            programs = programs.Where(p => TextSearch.Matches(p.Name, pattern) || TextSearch.Matches(p.NameEn!, pattern)
                || TextSearch.Matches(p.CodeKey, keyPattern));
        }
        return programs;
    }
}
