using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using TrainingEval.Dashboard.Features.Health;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Import;

/// <summary>A user fixed for a test, as the sign-in or an API key would provide it.</summary>
public sealed class FixedUser(UserContext user) : ICurrentUser
{
    public static UserContext InRole(string role, string name = "analyst") => new(name, new HashSet<string>(StringComparer.Ordinal) { role }, null, null);

    public ValueTask<UserContext> GetAsync() => ValueTask.FromResult(user);
}

/// <summary>Builds the import service over a test database and turns CSV text into uploads.</summary>
public static class ImportTestKit
{
    public static ImportService Service(TestDatabase database, string role = Roles.HrAnalyst) => Service(database, new HealthRecomputes(), role);

    /// <summary>An import service whose health recomputes wait in <paramref name="health"/> until the test runs them (<see cref="HealthRecomputes.RunPendingAsync"/>).</summary>
    public static ImportService Service(TestDatabase database, HealthRecomputes health, string role = Roles.HrAnalyst)
    {
        var user = new FixedUser(FixedUser.InRole(role));
        var access = new RecordAccess(user, database.Factory, NullLogger<RecordAccess>.Instance);
        return new ImportService(database.FactoryFor(user), new Services(database).Scores, health, database.Clock, access);
    }

    public static Stream Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
        return new MemoryStream(bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
    }

    /// <summary>The same rows as an XLSX workbook (first row the header), every cell as text.</summary>
    public static Stream Xlsx(string csvText)
    {
        var lines = csvText.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            return headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => (object?)(x.i < cells.Length && cells[x.i].Length > 0 ? cells[x.i] : null));
        }).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    public static Task<ImportResult> ImportCsvAsync(this ImportService service, ImportKind kind, string csv) =>
        service.ImportAsync(kind, Csv(csv), ImportFormat.Csv, "test.csv", TestContext.Current.CancellationToken);
}
