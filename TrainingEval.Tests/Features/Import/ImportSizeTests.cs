using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Import;

/// <summary>
/// Enterprise-size files and files that are not what they claim: lookups in batches (a file with more employees than
/// SQLite has variables per statement), a bounded read, every error counted but only the first thousand kept, and the
/// whole-file refusals (too large, empty, not UTF-8, the wrong kind).
/// </summary>
public sealed class ImportSizeTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ImportService _import = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        await TestData.CreateAsync(_database);
        _import = ImportTestKit.Service(_database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static string Learners(int count, Func<int, string> number)
    {
        var text = new StringBuilder("employee_no,name,department\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"{number(i)},Employee {i},Dept {i % 40}\n");
        return text.ToString();
    }

    [Fact]
    public async Task More_employees_than_sqlite_has_variables_import_in_one_file_and_re_import_unchanged_in_another_case()
    {
        // 40,000 > SQLite's 32,766 variables per statement: one IN list per file would fail with "too many SQL variables".
        var created = await _import.ImportCsvAsync(ImportKind.Learners, Learners(40_000, i => $"HX{i:000000}"));

        created.Errors.ShouldBeEmpty();
        (created.RowsRead, created.Created).ShouldBe((40_000, 40_000));
        var again = await _import.ImportCsvAsync(ImportKind.Learners, Learners(40_000, i => $" hx{i:000000}"));
        (again.Created, again.Updated, again.Unchanged).ShouldBe((0, 0, 40_000));
        await using var db = _database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(40_003);
        (await db.Departments.CountAsync(Ct)).ShouldBe(41);
    }

    [Fact]
    public async Task Every_error_is_counted_and_the_first_thousand_are_listed_by_row()
    {
        var text = new StringBuilder("employee_no,name,hire_date\n");
        for (var i = 0; i < 1_500; i++)
            text.Append(CultureInfo.InvariantCulture, $"N{i},Name,2024-02-30\n");

        var result = await _import.ImportCsvAsync(ImportKind.Learners, text.ToString());

        result.ErrorCount.ShouldBe(1_500);
        result.Errors.Count.ShouldBe(ImportErrorList.MaxListed);
        result.Errors.Select(e => e.Row).ShouldBe(Enumerable.Range(2, 1_000));
        result.Errors[0].Message.ShouldBe("'2024-02-30' is not a date; write it as yyyy-MM-dd, e.g. 2025-03-01.");
        await using var db = _database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_while_reading_without_reading_it_all()
    {
        var upload = new EndlessCsv();

        var result = await _import.ImportAsync(ImportKind.Learners, upload, ImportFormat.Csv, "big.csv", Ct);

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Row, error.Code, error.Message).ShouldBe((0, ImportMessages.FileTooLarge, "The file is larger than 50 MB; split it into several files."));
        upload.Served.ShouldBeLessThan(ImportFileReader.MaxBytes + 1024 * 1024);
        await using var db = _database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task An_empty_file_a_file_in_another_encoding_and_a_file_of_another_kind_are_one_clear_error_each()
    {
        var empty = await _import.ImportAsync(ImportKind.Learners, new MemoryStream(), ImportFormat.Csv, "empty.csv", Ct);
        empty.Errors.ShouldHaveSingleItem().Message.ShouldBe("The file is empty: the first row must name the columns.");

        // GB 18030 / GBK, as Excel writes "CSV" on a Chinese Windows.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("employee_no,name\nE900,张三\n");
        var legacy = await _import.ImportAsync(ImportKind.Learners, new MemoryStream(gbk), ImportFormat.Csv, "gbk.csv", Ct);
        legacy.Errors.ShouldHaveSingleItem().Message.ShouldBe("The file is not UTF-8 text. In Excel save it as \"CSV UTF-8\", or upload the .xlsx file.");

        var wrongKind = await _import.ImportCsvAsync(ImportKind.Enrollments, "employee_no,name,department\nE900,张三,QA\n");
        var error = wrongKind.Errors.ShouldHaveSingleItem();
        (error.Row, error.Code, error.Message).ShouldBe((1, ImportMessages.WrongKind, "The file's columns are those of a learners file, not of enrollments; choose the kind learners or another file."));
        await using var db = _database.CreateContext();
        (await db.Learners.CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task Progress_is_reported_from_reading_to_done()
    {
        var reports = new List<ImportProgress>();
        var progress = new Recorder(reports);

        var result = await _import.ImportAsync(ImportKind.Learners, ImportTestKit.Csv(Learners(12_000, i => $"P{i}")), ImportFormat.Csv, "p.csv", progress, Ct);

        result.Created.ShouldBe(12_000);
        reports.Select(r => r.Phase).Distinct().ShouldBe([ImportPhase.Reading, ImportPhase.Checking, ImportPhase.Writing, ImportPhase.Done]);
        reports.Where(r => r.Phase == ImportPhase.Reading).Select(r => r.RowsRead).ShouldBe([5_000, 10_000]);
        reports[^1].ShouldBe(new ImportProgress(ImportPhase.Done, 12_000, 12_000, 12_000));
    }

    /// <summary>Records synchronously (<see cref="Progress{T}"/> would post to a context and arrive late).</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }

    /// <summary>A request body that never ends: a header, then learner rows for ever; counts what it served.</summary>
    private sealed class EndlessCsv : Stream
    {
        private static readonly byte[] Header = Encoding.UTF8.GetBytes("employee_no,name\n");
        private static readonly byte[] Line = Encoding.UTF8.GetBytes("E1234567,Someone whose name is long enough that fifty megabytes come before half a million rows do (about 130 bytes a row)\n");

        public long Served { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var source = Served < Header.Length ? Header : Line;
            var start = Served < Header.Length ? (int)Served : (int)((Served - Header.Length) % Line.Length);
            var n = Math.Min(count, source.Length - start);
            Array.Copy(source, start, buffer, offset, n);
            Served += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
