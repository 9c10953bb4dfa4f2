using TrainingEval.Dashboard.Data;
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

    public MentorRatingService Ratings => new(database.Factory, Scores, database.Clock, new CurrentActor(actor));

    public StoredObservationService Imports => new(database.Factory, Scores, database.Clock, new CurrentActor(actor));

    public CohortLifecycleService Cohorts => new(database.Factory, Scores, database.Clock, new CurrentActor(actor));
}
