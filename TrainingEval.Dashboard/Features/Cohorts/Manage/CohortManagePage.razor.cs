using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Cohorts.Manage;

/// <summary>
/// HR creates a cohort (<c>/cohorts/new</c>, <c>?program=</c> preselects its program) or manages one
/// (<c>/cohorts/{code}/manage</c>): its form, its lifecycle, the assessments and surveys of its evaluation plan, and its enrolment.
/// </summary>
public sealed partial class CohortManagePage
{
    private CohortInput? _input;
    private CohortForEdit? _cohort;
    private IReadOnlyList<Choice> _programs = [];
    private IReadOnlyList<Choice> _mentors = [];
    private IReadOnlyList<ImportError> _errors = [];
    private IReadOnlyList<ImportError> _lifecycleErrors = [];
    private bool _notFound;
    private bool _busy;

    /// <summary>The cohort managed; null on <c>/cohorts/new</c>.</summary>
    [Parameter] public string? CohortCode { get; set; }

    /// <summary>The program a new cohort starts in (from the program page's "New cohort").</summary>
    [SupplyParameterFromQuery(Name = "program")] public string? Program { get; set; }

    [Inject] private CohortManagement Cohorts { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<CohortManagePage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    private bool Creating => CohortCode is null;

    private string Title => Creating ? Text["TitleNew"] : Text["TitleManage", _cohort?.Input.Code ?? CohortCode ?? ""];

    private string? Subtitle => _cohort is null ? Text["Subtitle"] : _cohort.ProgramName;

    /// <summary>The day new assessments and surveys are proposed for: the cohort's last day (a post-test and a reaction survey fit it).</summary>
    private DateOnly PlanDay => DateOnly.FromDateTime(_cohort?.Input.EndDate ?? DateTime.Today);

    private string CohortHref => "cohorts/" + Uri.EscapeDataString(_cohort?.Input.Code ?? CohortCode ?? "");

    protected override async Task OnParametersSetAsync()
    {
        _errors = [];
        _lifecycleErrors = [];
        _programs = await Cohorts.ProgramsAsync();
        _mentors = await Cohorts.MentorsAsync();
        if (Creating)
        {
            _cohort = null;
            _notFound = false;
            _input = new CohortInput { ProgramCode = _programs.FirstOrDefault(p => string.Equals(p.Code, Program, StringComparison.OrdinalIgnoreCase))?.Code ?? "" };
            return;
        }
        await LoadAsync();
    }

    private async Task ReloadMentorsAsync() => _mentors = await Cohorts.MentorsAsync();

    private async Task LoadAsync()
    {
        _cohort = await Cohorts.FindAsync(CohortCode!);
        _notFound = _cohort is null;
        _input = _cohort?.Input;
    }

    private async Task SaveAsync()
    {
        if (_busy || _input is null)
            return;
        _busy = true;
        try
        {
            _input.Code = _input.Code.Trim();
            _errors = await Cohorts.SaveAsync(_input, Creating);
            if (_errors.Count > 0)
                return;
            if (Creating)
                Navigation.NavigateTo("cohorts/" + Uri.EscapeDataString(_input.Code) + "/manage");
            else
                await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CloseAsync()
    {
        if (_busy || _cohort is null)
            return;
        _busy = true;
        try
        {
            await Cohorts.CloseAsync(_cohort.Id, _cohort.Revision);
            _lifecycleErrors = [];
            await LoadAsync();
        }
        catch (DataWriteException ex) when (ex is not DatabaseReadOnlyException)
        {
            // Someone else closed or changed it meanwhile: say so, and show what is stored now.
            _lifecycleErrors = [new ImportError(0, "", null, ImportMessages.DatabaseRefused, [ex.Message])];
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (_busy || _cohort is null)
            return;
        _busy = true;
        try
        {
            _lifecycleErrors = await Cohorts.DeleteAsync(_cohort.Input.Code);
            if (_lifecycleErrors.Count == 0)
                Navigation.NavigateTo("cohorts");
        }
        finally
        {
            _busy = false;
        }
    }
}
