using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.Search;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Search;

/// <summary>Issue 21 item 2: the search across learners, cohorts and programs over the demo company (read-only), with per-record access.</summary>
public sealed class GlobalSearchQueriesTests(DemoCompanyDatabase demo) : IClassFixture<DemoCompanyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GlobalSearchQueries As(UserContext user) => new(demo.Database.Factory, TestUsers.AccessFor(demo.Database.Factory, user));

    private static SearchGroup Group(SearchResults results, SearchHitKind kind) => results.Groups.Single(g => g.Kind == kind);

    private Task<(string Number, string Name, string NameEn)> LearnerWithTwoWordEnglishNameAsync() => demo.QueryAsync(async db =>
    {
        var l = await db.Learners.Where(l => l.NameEn != null && l.NameEn.Contains(' ') && l.Enrollments.Any()).OrderBy(l => l.Id).FirstAsync(Ct);
        return (l.EmployeeNumber, l.Name, l.NameEn!);
    });

    [Fact]
    public async Task A_learner_is_found_by_chinese_name_by_pinyin_in_either_order_or_run_together_and_by_employee_number_in_any_case()
    {
        var (number, name, nameEn) = await LearnerWithTwoWordEnglishNameAsync();
        var words = nameEn.Split(' ');
        var search = As(TestUsers.Analyst);

        foreach (var text in new[] { name, nameEn, $"{words[1]} {words[0]}", string.Concat(words).ToLowerInvariant(), number.ToLowerInvariant() })
        {
            var learners = Group(await search.SearchAsync(text, Ct), SearchHitKind.Learner);
            learners.Hits.Select(h => h.Code).ShouldContain(number, $"searching “{text}”");
            learners.Hits.ShouldAllBe(h => h.Href.StartsWith("learners/"));
        }
    }

    [Fact]
    public async Task Cohorts_and_programs_are_found_by_code_in_any_letter_case_or_by_name()
    {
        var (cohort, program, programName) = await demo.QueryAsync(async db =>
        {
            var c = await db.Cohorts.Include(c => c.Program).OrderBy(c => c.Id).FirstAsync(Ct);
            return (c.Code, c.Program!.Code, c.Program.Name);
        });
        var search = As(TestUsers.Analyst);

        var byCode = await search.SearchAsync(cohort.ToLowerInvariant(), Ct);
        var byName = await search.SearchAsync(programName, Ct);

        Group(byCode, SearchHitKind.Cohort).Hits.Select(h => h.Code).ShouldContain(cohort);
        Group(byName, SearchHitKind.Program).Hits.Select(h => h.Code).ShouldContain(program);
        Group(byName, SearchHitKind.Program).Hits.Single(h => h.Code == program).Href.ShouldBe($"programs/{Uri.EscapeDataString(program)}");
    }

    [Fact]
    public async Task A_mentor_finds_only_their_mentees_and_their_cohorts_and_no_programs()
    {
        var (mentorId, mentees, other) = await demo.QueryAsync(async db =>
        {
            var id = await db.Enrollments.Where(e => e.MentorId != null).Select(e => e.MentorId!.Value).FirstAsync(Ct);
            var mine = await db.Enrollments.Where(e => e.MentorId == id).Select(e => e.Learner!.EmployeeNumber).Distinct().ToListAsync(Ct);
            var stranger = await db.Learners.Where(l => l.Enrollments.Any() && !l.Enrollments.Any(e => e.MentorId == id)).Select(l => l.Name).FirstAsync(Ct);
            return (id, mine, stranger);
        });
        var search = As(TestUsers.Mentor(mentorId));

        var everyone = await search.SearchAsync("E1", Ct);
        var stranger = await search.SearchAsync(other, Ct);

        everyone.Groups.Select(g => g.Kind).ShouldBe([SearchHitKind.Learner, SearchHitKind.Cohort]);
        Group(everyone, SearchHitKind.Learner).Total.ShouldBe(mentees.Count(n => n.StartsWith("E1", StringComparison.Ordinal)));
        Group(everyone, SearchHitKind.Learner).Hits.ShouldAllBe(h => mentees.Contains(h.Code));
        Group(stranger, SearchHitKind.Learner).Hits.Select(h => h.Code).ShouldNotContain(c => !mentees.Contains(c));
    }

    [Fact]
    public async Task Learners_may_not_search_and_a_text_shorter_than_two_characters_or_of_wildcards_finds_nothing()
    {
        await Should.ThrowAsync<AccessDeniedException>(() => As(TestUsers.Learner(1)).SearchAsync("E100", Ct));
        var search = As(TestUsers.Analyst);

        (await search.SearchAsync("E", Ct)).Groups.ShouldBeEmpty();
        (await search.SearchAsync("   ", Ct)).Groups.ShouldBeEmpty();
        (await search.SearchAsync("%_", Ct)).Total.ShouldBe(0, "LIKE's wildcards are taken literally");
    }

    [Fact]
    public async Task The_learners_list_matches_the_same_words_as_the_search_so_its_all_link_shows_the_same_people()
    {
        var (_, _, nameEn) = await LearnerWithTwoWordEnglishNameAsync();
        var words = nameEn.Split(' ');
        var text = $"{words[1]} {words[0]}";
        var access = TestUsers.AccessFor(demo.Database.Factory, TestUsers.Analyst);
        var list = new LearnerQueries(demo.Database.Factory, access, demo.Database.Clock);

        var found = Group(await As(TestUsers.Analyst).SearchAsync(text, Ct), SearchHitKind.Learner);
        var listed = await list.SearchAsync(new LearnerListQuery(text, null, PageSize: Paging.MaxPageSize, IncludeNeverEnrolled: true), Ct);

        listed.TotalCount.ShouldBe(found.Total);
        found.Hits.Select(h => h.Code).ShouldBeSubsetOf(listed.Items.Select(i => i.EmployeeNumber));
    }
}
