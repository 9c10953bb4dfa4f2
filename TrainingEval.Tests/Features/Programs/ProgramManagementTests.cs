using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Features.Programs.Manage;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Tests.Features.Import;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.Programs;

/// <summary>
/// HR's program form writes through the programs import: a new code creates a program with the default profile, an
/// existing one (any letter case) is refused on the create form, edits are audited, and the tracking window is the
/// profile's application window (a new version).
/// </summary>
public sealed class ProgramManagementTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ProgramManagement _programs = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 7, 15, 12, 0, 0)));
        await TestData.CreateAsync(_database);
        var services = new Services(_database);
        _programs = new ProgramManagement(ImportTestKit.Service(_database), services.Profiles, _database.Factory, services.Access);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    internal static string En(ImportError e) => ImportMessages.Format(e.Code, e.Arguments, CultureInfo.InvariantCulture);

    internal static string Zh(ImportError e) => ImportMessages.Format(e.Code, e.Arguments, CultureInfo.GetCultureInfo("zh-CN"));

    [Fact]
    public async Task A_new_program_is_created_with_both_names_and_the_default_profile_and_audited()
    {
        var errors = await _programs.SaveAsync(new ProgramInput { Code = "SAFE", Name = "安全", NameEn = "Safety", Category = "EHS", Description = "现场安全" }, creating: true, Ct);

        errors.ShouldBeEmpty();
        await using var db = _database.CreateContext();
        var program = await db.Programs.Include(p => p.ProfileVersions).SingleAsync(p => p.Code == "SAFE", Ct);
        (program.Name, program.NameEn, program.Category, program.Description, program.CurrentProfileVersion).ShouldBe(("安全", "Safety", "EHS", "现场安全", 1));
        program.ProfileVersions.Single().ApplicationWindowDays.ShouldBe(60);
        (await db.AuditTrail.CountAsync(a => a.EntityType == nameof(TrainingProgram) && a.Action == AuditAction.Added, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Creating_a_code_that_exists_in_another_letter_case_is_refused_and_nothing_changes()
    {
        var errors = await _programs.SaveAsync(new ProgramInput { Code = "lean", Name = "改名" }, creating: true, Ct);

        errors.Select(En).ShouldBe(["A program with the code LEAN exists already (codes ignore letter case); open it to edit it, or choose another code."]);
        errors.Select(Zh).ShouldBe(["代码为 LEAN 的培训项目已存在（代码不区分大小写）；请打开它进行编辑，或换一个代码。"]);
        await using var db = _database.CreateContext();
        (await db.Programs.SingleAsync(Ct)).Name.ShouldBe("精益");
    }

    [Fact]
    public async Task Editing_changes_the_names_and_a_new_tracking_window_is_the_next_profile_version()
    {
        var found = await _programs.FindAsync("lean", Ct);
        found.ShouldNotBeNull();
        found.Input.TrackingDays.ShouldBe(60);
        found.Input.NameEn = "Lean basics";
        found.Input.TrackingDays = 90;

        (await _programs.SaveAsync(found.Input, creating: false, Ct)).ShouldBeEmpty();

        var again = await _programs.FindAsync("LEAN", Ct);
        (again!.Input.NameEn, again.Input.TrackingDays, again.ProfileVersion).ShouldBe(("Lean basics", 90, 2));
        await using var db = _database.CreateContext();
        (await db.AuditTrail.SingleAsync(a => a.EntityType == nameof(TrainingProgram) && a.Property == nameof(TrainingProgram.NameEn), Ct)).NewValue.ShouldBe("Lean basics");
    }

    [Fact]
    public async Task The_forms_field_rules_speak_both_languages()
    {
        var validator = new ProgramInputValidator(Localizer<ProgramInput>());
        var input = new ProgramInput { Code = "", Name = new string('x', Bilingual.NameMaxLength + 1), TrackingDays = -1 };

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            (await validator.ValidateAsync(input, Ct)).Errors.Select(e => e.ErrorMessage)
                .ShouldBe(["Enter the program's code.", "At most 200 characters.", "The tracking window is 0 to 730 days."]);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            (await validator.ValidateAsync(input, Ct)).Errors.Select(e => e.ErrorMessage)
                .ShouldBe(["请填写项目代码。", "最多 200 个字符。", "跟踪期为 0 到 730 天。"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    internal static IStringLocalizer<T> Localizer<T>() =>
        new StringLocalizer<T>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
