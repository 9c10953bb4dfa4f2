using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Admin;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Compare;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Learners;
using TrainingEval.Dashboard.Features.Overview;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Filters;
using TrainingEval.Domain.Profiles;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Security;

/// <summary>
/// Issue 5's rule, service by service: a mentor reaches only the learners they mentor in a cohort, a learner only
/// themselves, executives read but do not change, HR analysts reach everything. Each service that takes an id is
/// called as a user who must be refused, and as one who must not.
/// </summary>
public sealed class PerRecordAccessTests(DemoCompanyDatabase demo) : IClassFixture<DemoCompanyDatabase>
{
    private IDbContextFactory<TrainingDbContext> Factory => demo.Database.Factory;

    [Fact]
    public async Task A_mentor_opens_their_mentees_page_but_not_another_mentors_learner()
    {
        var (mentor, mentee, stranger) = await MentorWithMenteeAndStrangerAsync();
        var queries = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Mentor(mentor)), demo.Database.Clock);

        (await queries.GetVerticalViewAsync(mentee.EmployeeNumber, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        var refused = await Should.ThrowAsync<AccessDeniedException>(() => queries.GetVerticalViewAsync(stranger.EmployeeNumber, TestContext.Current.CancellationToken));
        refused.Resource.ShouldBe($"learner {stranger.Id}");
    }

    [Fact]
    public async Task A_learner_opens_their_own_page_but_not_another_learners()
    {
        var (_, me, other) = await MentorWithMenteeAndStrangerAsync();
        var queries = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Learner(me.Id)), demo.Database.Clock);

        (await queries.GetVerticalViewAsync(me.EmployeeNumber, TestContext.Current.CancellationToken))!.Learner.Id.ShouldBe(me.Id);
        await Should.ThrowAsync<AccessDeniedException>(() => queries.GetVerticalViewAsync(other.EmployeeNumber, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Probing_unknown_employee_numbers_is_refused_like_a_stranger_not_answered_as_not_found()
    {
        var (_, me, _) = await MentorWithMenteeAndStrangerAsync();
        var asLearner = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Learner(me.Id)), demo.Database.Clock);
        var asAnalyst = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Analyst), demo.Database.Clock);

        await Should.ThrowAsync<AccessDeniedException>(() => asLearner.GetVerticalViewAsync("E999999", TestContext.Current.CancellationToken));
        (await asAnalyst.GetVerticalViewAsync("E999999", TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Executives_and_analysts_open_any_learner()
    {
        var (_, _, stranger) = await MentorWithMenteeAndStrangerAsync();
        foreach (var user in new[] { TestUsers.Executive, TestUsers.Analyst })
        {
            var queries = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, user), demo.Database.Clock);
            (await queries.GetVerticalViewAsync(stranger.EmployeeNumber, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task A_mentors_learner_list_holds_only_their_mentees()
    {
        var (mentor, _, _) = await MentorWithMenteeAndStrangerAsync();
        var mentees = await MenteeIdsAsync(mentor);
        var queries = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Mentor(mentor)), demo.Database.Clock);

        var page = await queries.SearchAsync(new LearnerListQuery(null, null, PageSize: 100), TestContext.Current.CancellationToken);

        page.TotalCount.ShouldBe(mentees.Count);
        page.Items.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_learner_has_no_learner_list()
    {
        var (_, me, _) = await MentorWithMenteeAndStrangerAsync();
        var queries = new LearnerQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Learner(me.Id)), demo.Database.Clock);

        await Should.ThrowAsync<AccessDeniedException>(() => queries.SearchAsync(new LearnerListQuery(null, null), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_mentor_opens_only_cohorts_where_they_mentor_and_sees_only_their_mentees_there()
    {
        var (mentor, _, _) = await MentorWithMenteeAndStrangerAsync();
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var own = await db.Cohorts.Where(c => c.Enrollments.Any(e => e.MentorId == mentor)).Select(c => c.Code).FirstAsync(TestContext.Current.CancellationToken);
        var foreign = await db.Cohorts.Where(c => !c.Enrollments.Any(e => e.MentorId == mentor)).Select(c => c.Code).FirstAsync(TestContext.Current.CancellationToken);
        var queries = new CohortQueries(Factory, ScorePipeline.CreateDefault(demo.Database.Clock), TestUsers.AccessFor(Factory, TestUsers.Mentor(mentor)), demo.Database.Clock);

        var cohort = await queries.FindCohortAsync(own, TestContext.Current.CancellationToken);
        var stored = await queries.LoadStoredScoresAsync(cohort!.Id, TestContext.Current.CancellationToken);
        var mentees = await db.Enrollments.CountAsync(e => e.CohortId == cohort.Id && e.MentorId == mentor && e.Status != EnrollmentStatus.Withdrawn, TestContext.Current.CancellationToken);
        stored.Scores.Learners.Count.ShouldBe(mentees);
        (await db.Enrollments.CountAsync(e => e.CohortId == cohort.Id, TestContext.Current.CancellationToken)).ShouldBeGreaterThan(mentees);

        await Should.ThrowAsync<AccessDeniedException>(() => queries.FindCohortAsync(foreign, TestContext.Current.CancellationToken));
        var foreignId = await db.Cohorts.Where(c => c.Code == foreign).Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        await Should.ThrowAsync<AccessDeniedException>(() => queries.LoadStoredScoresAsync(foreignId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_mentors_cohort_list_holds_only_cohorts_where_they_mentor()
    {
        var (mentor, _, _) = await MentorWithMenteeAndStrangerAsync();
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var expected = await db.Cohorts.CountAsync(c => c.Enrollments.Any(e => e.MentorId == mentor), TestContext.Current.CancellationToken);
        var all = await db.Cohorts.CountAsync(TestContext.Current.CancellationToken);

        var asMentor = await new CohortListQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Mentor(mentor)), demo.Database.Clock)
            .SearchAsync(new CohortListQuery(null, null, null, null, PageSize: 100), TestContext.Current.CancellationToken);
        var asAnalyst = await new CohortListQueries(Factory, TestUsers.AccessFor(Factory, TestUsers.Analyst), demo.Database.Clock)
            .SearchAsync(new CohortListQuery(null, null, null, null, PageSize: 100), TestContext.Current.CancellationToken);

        asMentor.TotalCount.ShouldBe(expected);
        expected.ShouldBeLessThan(all);
        asAnalyst.TotalCount.ShouldBe(all);
    }

    [Fact]
    public async Task Mentors_and_learners_get_no_company_wide_views()
    {
        var (mentor, me, _) = await MentorWithMenteeAndStrangerAsync();
        foreach (var user in new[] { TestUsers.Mentor(mentor), TestUsers.Learner(me.Id) })
        {
            var access = TestUsers.AccessFor(Factory, user);
            await Should.ThrowAsync<AccessDeniedException>(() => new OverviewQueries(Factory, access, demo.Database.Clock).LoadAsync(DashboardFilter.Empty, TestContext.Current.CancellationToken));
            await Should.ThrowAsync<AccessDeniedException>(() => new ProgramQueries(Factory, ScorePipeline.CreateDefault(demo.Database.Clock), access, demo.Database.Clock)
                .ListAsync(DashboardFilter.Empty, TestContext.Current.CancellationToken));
            await Should.ThrowAsync<AccessDeniedException>(() => new CohortComparisonQueries(Factory, access, demo.Database.Clock).LoadAsync(["X"], TestContext.Current.CancellationToken));
            await Should.ThrowAsync<AccessDeniedException>(() => new AuditTrailQueries(Factory, access, new TrainingEval.Dashboard.Shared.LocalTime(Microsoft.Extensions.Options.Options.Create(new TrainingEval.Dashboard.Hosting.TrainingEvalOptions())))
                .SearchAsync(new AuditTrailQuery(null, null, null, null, null), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Executives_read_but_do_not_change_weights_import_or_close_cohorts()
    {
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        var cohort = await db.Cohorts.OrderBy(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        var access = TestUsers.AccessFor(Factory, TestUsers.Executive);
        var scores = new CohortScoreService(Factory, ScorePipeline.CreateDefault(demo.Database.Clock), demo.Database.Clock);
        var profiles = new WeightProfileService(Factory, scores, demo.Database.Clock, access);

        var current = await profiles.GetCurrentAsync(program.Id, TestContext.Current.CancellationToken);
        await Should.ThrowAsync<AccessDeniedException>(() => profiles.SaveAsync(program.Id, WeightProfile.Default, current.Version, null, TestContext.Current.CancellationToken));
        using var file = new MemoryStream("employee_no,name\nE9,X"u8.ToArray());
        await Should.ThrowAsync<AccessDeniedException>(() => new ImportService(Factory, scores, new TrainingEval.Dashboard.Features.Health.HealthRecomputes(), demo.Database.Clock, access)
            .ImportAsync(ImportKind.Learners, file, ImportFormat.Csv, "test", TestContext.Current.CancellationToken));
        await Should.ThrowAsync<AccessDeniedException>(() => new CohortLifecycleService(Factory, scores, demo.Database.Clock, access)
            .CloseAsync(cohort.Id, cohort.Revision, TestContext.Current.CancellationToken));
        // The audit trail is for admins and HR analysts only.
        await Should.ThrowAsync<AccessDeniedException>(() => new AuditTrailQueries(Factory, access, new TrainingEval.Dashboard.Shared.LocalTime(Microsoft.Extensions.Options.Options.Create(new TrainingEval.Dashboard.Hosting.TrainingEvalOptions()))).FilterChoicesAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A mentor, one of their mentees, and a learner they never mentored.</summary>
    private async Task<(int Mentor, Learner Mentee, Learner Stranger)> MentorWithMenteeAndStrangerAsync()
    {
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        // The mentor present in the fewest cohorts, so there are cohorts (and learners) they have nothing to do with.
        var mentor = await db.Enrollments.Where(e => e.MentorId != null).GroupBy(e => e.MentorId!.Value)
            .OrderBy(g => g.Select(e => e.CohortId).Distinct().Count()).ThenByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstAsync(TestContext.Current.CancellationToken);
        var mentee = await db.Learners.Where(l => l.Enrollments.Any(e => e.MentorId == mentor)).OrderBy(l => l.Id).FirstAsync(TestContext.Current.CancellationToken);
        var stranger = await db.Learners.Where(l => l.Enrollments.Any() && !l.Enrollments.Any(e => e.MentorId == mentor)).OrderBy(l => l.Id)
            .FirstAsync(TestContext.Current.CancellationToken);
        return (mentor, mentee, stranger);
    }

    private async Task<List<int>> MenteeIdsAsync(int mentor)
    {
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Enrollments.Where(e => e.MentorId == mentor).Select(e => e.LearnerId).Distinct().ToListAsync(TestContext.Current.CancellationToken);
    }
}
