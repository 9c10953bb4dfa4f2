using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Data;
using TrainingEval.Dashboard.Data.Health;
using TrainingEval.Dashboard.Security;
using TrainingEval.Dashboard.Data.Collection;
using TrainingEval.Dashboard.Data.Import;
using TrainingEval.Dashboard.Data.Profiles;
using TrainingEval.Dashboard.Data.Ratings;
using TrainingEval.Dashboard.Data.Scoring;

namespace TrainingEval.Tests.Data;

/// <summary>The data services wired by hand over one test database, as the app wires them.</summary>
public sealed class Services(TestDatabase database, string actor = "analyst")
{
    public CohortScoreService Scores { get; } = new(database.Factory, ObservationCollector.CreateDefault(), database.Clock);

    public WeightProfileService Profiles => new(database.Factory, Scores, database.Clock, new CurrentActor(actor));

    /// <summary>Who the services act for; the system (an admin) unless a test signs in as someone else.</summary>
    public UserContext User { get; set; } = UserContext.System;

    public IRecordAccess Access => new RecordAccess(new FixedCurrentUser(() => User), database.Factory, NullLogger<RecordAccess>.Instance);

    public MentorRatingService Ratings => new(database.Factory, Scores, database.Clock, new CurrentActor(actor), Access);

    public HealthSnapshotService Health => new(database.Factory, database.Clock, Options.Create(new HealthOptions()), NullLogger<HealthSnapshotService>.Instance);

    public AlertService Alerts => new(database.Factory, Access, new FixedCurrentUser(() => User), database.Clock);

    public StoredObservationService Imports => new(database.Factory, Scores, database.Clock, new CurrentActor(actor));

    public CohortLifecycleService Cohorts => new(database.Factory, Scores, database.Clock, new CurrentActor(actor));
}

/// <summary>An <see cref="ICurrentUser"/> a test sets.</summary>
public sealed class FixedCurrentUser(Func<UserContext> user) : ICurrentUser
{
    public FixedCurrentUser(UserContext user) : this(() => user) { }

    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(user());
}
