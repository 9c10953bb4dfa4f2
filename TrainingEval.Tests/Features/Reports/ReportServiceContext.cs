using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Programs;
using TrainingEval.Dashboard.Features.Reports;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Reports;

/// <summary>The report services wired by hand over one test database, acting as <paramref name="user"/>, with the real access rules.</summary>
public sealed class ReportServiceContext(TestDatabase database, UserContext user)
{
    /// <summary>The report strings from the real resx files, in the thread's UI culture.</summary>
    public static IStringLocalizer<ReportStrings> Text { get; } = new ServiceCollection()
        .AddLocalization().AddLogging().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<ReportStrings>>();

    public IRecordAccess Access { get; } = TestUsers.AccessFor(database.Factory, user);

    public ReportIndexQueries Index => new(database.Factory, Access, database.Clock);

    public DifferenceReportQueries Difference => new(database.Factory, Access);

    public RoiReportService Roi => new(database.FactoryFor(user), Access, new RoiAssumptionInputValidator(Text), database.Clock,
        Microsoft.Extensions.Options.Options.Create(new TrainingEval.Dashboard.Hosting.TrainingEvalOptions { Currency = Currency }));

    /// <summary>The organisation currency the ROI service is configured with.</summary>
    public string Currency { get; init; } = TrainingEval.Dashboard.Hosting.TrainingEvalOptions.DefaultCurrency;

    public EffectivenessReportQueries Effectiveness => new(database.Factory, Access,
        new CohortQueries(database.Factory, ScorePipeline.CreateDefault(database.Clock), Access, database.Clock),
        new ProgramQueries(database.Factory, ScorePipeline.CreateDefault(database.Clock), Access, database.Clock));

    public PromotionQueries Promotions => new(database.FactoryFor(user), Access, database.Clock);
}
