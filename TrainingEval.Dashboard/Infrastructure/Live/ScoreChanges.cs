namespace TrainingEval.Dashboard.Infrastructure.Live;

/// <summary>
/// Stored scores of a cohort changed (a new rating, an import, a recompute). Always the whole cohort: rescoring one
/// learner re-ranks the others, so every page showing the cohort reloads it.
/// </summary>
/// <param name="CohortId">The cohort whose scores changed.</param>
public sealed record CohortScoresChanged(int CohortId);

/// <summary>
/// Tells every open page that a cohort's scores changed, so it can reload without a browser refresh.
/// In-process on SQLite (one server); on PostgreSQL across the instances sharing the database
/// (<see cref="PostgresScoreChangeNotifier"/>, LISTEN/NOTIFY).
/// </summary>
public interface IScoreChangeNotifier
{
    /// <summary>Calls <paramref name="onChange"/> for every change until the returned subscription is disposed.</summary>
    IDisposable Subscribe(Func<CohortScoresChanged, Task> onChange);

    /// <summary>Announces a change to all subscribers; a failing subscriber does not stop the others.</summary>
    Task PublishAsync(CohortScoresChanged change);
}
