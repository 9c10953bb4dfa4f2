using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Applications;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Features.Surveys;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Support;

/// <summary>
/// The data services wired by hand over one test database, as the app wires them, serving <see cref="User"/>: their
/// access checks and their audit lines name whoever is signed in at the time of the call.
/// </summary>
public sealed class Services
{
    private readonly TestDatabase _database;
    private readonly IDbContextFactory<TrainingDbContext> _signedIn;

    /// <param name="actor">The name of the HR analyst signed in unless a test signs in someone else.</param>
    public Services(TestDatabase database, string actor = "analyst")
    {
        _database = database;
        User = TestUsers.In(actor, Roles.HrAnalyst);
        _signedIn = database.FactoryFor(new CurrentUserOf(() => User));
        Scores = new(database.Factory, ScorePipeline.CreateDefault(database.Clock), database.Clock);
    }

    /// <summary>Who the services serve.</summary>
    public UserContext User { get; set; }

    public IRecordAccess Access => TestUsers.AccessFor(_database.Factory, User);

    /// <summary>Stores scores only, which are not audited rows.</summary>
    public CohortScoreService Scores { get; }

    public WeightProfileService Profiles => new(_signedIn, Scores, _database.Clock, Access);

    public MentorRatingService Ratings => new(_signedIn, Scores, _database.Clock, Access);

    /// <summary>The weekly job's work: audited as the system, as the job scopes it.</summary>
    public HealthSnapshotService Health => new(_database.Factory, _database.Clock, Options.Create(new HealthOptions()), NullLogger<HealthSnapshotService>.Instance);

    public AlertService Alerts => new(_signedIn, Access, new CurrentUserOf(() => User), _database.Clock);

    public CohortLifecycleService Cohorts => new(_signedIn, Scores, _database.Clock, Access);

    /// <summary>Application cases, with their messages in the current UI culture (from the real .resx files).</summary>
    public ApplicationCaseService Applications => new(_signedIn, Scores, Access, new ApplicationCaseInputValidator(ApplicationText), ApplicationText, _database.Clock);

    /// <summary>Surveys built and answered in the app, with their messages in the current UI culture.</summary>
    public SurveyService Surveys => new(_signedIn, Scores, Access, new SurveyItemsInputValidator(SurveyText), new SurveyAnswerSheetValidator(SurveyText), SurveyText, _database.Clock);

    public static IStringLocalizer<SurveyStrings> SurveyText { get; } = new ServiceCollection().AddLocalization().AddLogging().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SurveyStrings>>();

    public static IStringLocalizer<ApplicationStrings> ApplicationText { get; } = new ServiceCollection().AddLocalization().AddLogging().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<ApplicationStrings>>();
}

/// <summary>An <see cref="ICurrentUser"/> that follows whoever a test signs in as at the time of each call.</summary>
public sealed class CurrentUserOf(Func<UserContext> user) : ICurrentUser
{
    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(user());
}
