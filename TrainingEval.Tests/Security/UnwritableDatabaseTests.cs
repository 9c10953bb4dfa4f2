using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Security;

/// <summary>
/// Issue 19 item 10: a start on a database that cannot be written stops with a message that says what is wrong and what
/// to change — not an unhandled provider exception. /proc cannot hold files, for root neither, so the failure is real.
/// </summary>
public sealed class UnwritableDatabaseTests
{
    [Fact]
    public async Task A_start_on_a_database_that_cannot_be_written_fails_saying_what_to_change()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:Database:SqlitePath"] = "/proc/trainingeval-test/trainingeval.db";

        var failure = Should.Throw<Exception>(() => server.CreateClient());

        var unavailable = Unwrap(failure).ShouldBeOfType<DatabaseUnavailableException>(failure.ToString());
        unavailable.Message.ShouldContain("The database cannot be opened for writing (Sqlite at '/proc/trainingeval-test/trainingeval.db')");
        unavailable.Message.ShouldContain("set TrainingEval:Database:SqlitePath to a writable place");
    }

    private static Exception Unwrap(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseUnavailableException)
                return e;
        }
        return exception;
    }
}
