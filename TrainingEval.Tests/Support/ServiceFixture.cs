using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Cohorts;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Mentoring;
using TrainingEval.Dashboard.Features.Profiles;
using TrainingEval.Dashboard.Features.Scoring;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Support;

/// <summary>The data services wired by hand over one test database, as the app wires them.</summary>
public sealed class Services(TestDatabase database, string actor = "analyst")
{
    /// <summary>Who the services serve: an HR analyst unless a test says otherwise.</summary>
    public UserContext User { get; set; } = TestUsers.Analyst;

    public IRecordAccess Access => TestUsers.AccessFor(database.Factory, User);

    public CohortScoreService Scores { get; } = new(database.Factory, ScorePipeline.CreateDefault(database.Clock), database.Clock);

    public WeightProfileService Profiles => new(database.Factory, Scores, database.Clock, new CurrentActor(actor), Access);

    public MentorRatingService Ratings => new(database.Factory, Scores, database.Clock, new CurrentActor(actor), Access);

    public HealthSnapshotService Health => new(database.Factory, database.Clock, Options.Create(new HealthOptions()), NullLogger<HealthSnapshotService>.Instance);

    public AlertService Alerts => new(database.Factory, Access, new CurrentUserOf(() => User), database.Clock);

    public StoredObservationService Imports => new(database.Factory, Scores, database.Clock, new CurrentActor(actor), Access);

    public CohortLifecycleService Cohorts => new(database.Factory, Scores, database.Clock, new CurrentActor(actor), Access);
}

/// <summary>An <see cref="ICurrentUser"/> that follows whoever a test signs in as at the time of each call.</summary>
public sealed class CurrentUserOf(Func<UserContext> user) : ICurrentUser
{
    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(user());
}
