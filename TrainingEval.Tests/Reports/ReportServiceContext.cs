using FluentValidation;
using Microsoft.Extensions.Logging.Abstractions;
using TrainingEval.Dashboard.Analytics;
using TrainingEval.Dashboard.Analytics.Cohorts;
using TrainingEval.Dashboard.Data.Collection;
using TrainingEval.Dashboard.Reports;
using TrainingEval.Dashboard.Security;
using TrainingEval.Tests.Data;

namespace TrainingEval.Tests.Reports;

/// <summary>A user for service tests (stands in for the sign-in that fills <see cref="ICurrentUser"/> in the app).</summary>
public sealed class FixedUser(UserContext user) : ICurrentUser
{
    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(user);

    public static UserContext Hr { get; } = With("hr.analyst", Roles.HrAnalyst);

    public static UserContext Executive { get; } = With("ceo", Roles.Executive);

    public static UserContext With(string name, string role, int? learnerId = null, int? mentorId = null) =>
        new(name, new HashSet<string>(StringComparer.Ordinal) { role }, learnerId, mentorId);
}

/// <summary>The report services wired by hand over one test database, acting as <paramref name="user"/>, with the real access rules.</summary>
public sealed class ReportServiceContext(TestDatabase database, UserContext user)
{
    public IRecordAccess Access { get; } = new RecordAccess(new FixedUser(user), database.Factory, NullLogger<RecordAccess>.Instance);

    public ReportIndexQueries Index => new(database.Factory, Access);

    public DifferenceReportQueries Difference => new(database.Factory, Access);

    public RoiReportService Roi => new(database.Factory, Access, new RoiAssumptionInputValidator(), database.Clock);

    public EffectivenessReportQueries Effectiveness => new(database.Factory, Access,
        new CohortQueries(database.Factory, ObservationCollector.CreateDefault(), database.Clock),
        new ProgramQueries(database.Factory, ObservationCollector.CreateDefault(), database.Clock));

    public PromotionQueries Promotions => new(database.Factory, Access, database.Clock);
}
