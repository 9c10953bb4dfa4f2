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

    [Fact]
    public async Task A_start_on_a_PostgreSQL_server_that_cannot_be_reached_names_the_database_and_host_but_not_the_password()
    {
        await using var server = new DashboardServer();
        server.Settings["TrainingEval:Database:Provider"] = "Postgres";
        // Nothing listens on port 1 of the loopback address: the connection is refused at once.
        server.Settings["TrainingEval:Database:PostgresConnectionString"] = "Host=127.0.0.1;Port=1;Database=trainingeval;Username=te;Password=s3cret-Pw";

        var failure = Should.Throw<Exception>(() => server.CreateClient());

        var unavailable = Unwrap(failure).ShouldBeOfType<DatabaseUnavailableException>(failure.ToString());
        unavailable.Message.ShouldContain("The database cannot be opened for writing (PostgreSQL database 'trainingeval' on '127.0.0.1'): Failed to connect to 127.0.0.1:1. ");
        unavailable.Message.ShouldContain("Check TrainingEval:Database:PostgresConnectionString, that the server is up");
        unavailable.Message.ShouldNotContain("s3cret-Pw");
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
