using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>
/// The exam set-up of a cohort's assessment (/cohorts/{code}/exams/{assessment}): time limit, attempts, whether it is open,
/// the theory questions (fixed or drawn by difficulty) and the practical rubric. For HR and the cohort's trainers;
/// <see cref="ExamPaperService"/> enforces it.
/// </summary>
public sealed partial class ExamPaperPage
{
    private PaperSetup? _setup;
    private ExamPaperInput? _input;
    private bool _notFound;
    private bool _denied;
    private bool _busy;
    private string? _formError;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;

    [Parameter] public string CohortCode { get; set; } = "";

    [Parameter] public string AssessmentCode { get; set; } = "";

    [Inject] private ExamPaperService Papers { get; set; } = default!;
    [Inject] private IStringLocalizer<ExamStrings> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _setup = await Papers.SetupAsync(CohortCode, AssessmentCode);
            _notFound = _setup is null;
            _input = _setup?.Paper is { } paper ? ExamPaperInput.From(paper) : new ExamPaperInput();
        }
        catch (AccessDeniedException)
        {
            _denied = true;
        }
    }

    private string Subtitle(PaperAssessment a)
    {
        var theory = Text["Paper_Subtitle", a.Code, a.CohortCode, Number(a.MaxScore), Number(a.PassLine)].Value;
        return a.PracticalMaxScore is { } practical ? $"{theory} · {Text["Paper_Practical", Number(practical)]}" : theory;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private string Draw(AssessmentDifficulty level) => Text["Field_Draw", Text[$"Difficulty_{level}"], _setup!.Available[level]];

    private void Toggle(int questionId, bool on)
    {
        _input!.QuestionIds.Remove(questionId);
        if (on)
            _input.QuestionIds.Add(questionId);
    }

    private async Task SaveAsync()
    {
        if (_busy || _setup is null || _input is null)
            return;
        _busy = true;
        try
        {
            await Papers.SaveAsync(_setup.Assessment.Id, _setup.Paper?.Revision ?? 0, _input);
            _formError = null;
            _message = Text["Paper_Saved"];
            _messageSeverity = Severity.Success;
            await LoadAsync();
        }
        catch (DataValidationException ex)
        {
            _formError = string.Join(" ", ex.Errors);
        }
        catch (ConcurrencyConflictException ex)
        {
            _formError = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
