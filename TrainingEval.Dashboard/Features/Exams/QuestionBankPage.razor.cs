using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Exams;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>
/// A program's question bank (/programs/{code}/questions): list, add, edit and delete questions with their difficulty and
/// knowledge points. For HR and the trainers of the program's cohorts; <see cref="QuestionBankService"/> enforces it.
/// </summary>
public sealed partial class QuestionBankPage
{
    private QuestionBank? _bank;
    private bool _notFound;
    private bool _denied;
    private bool _busy;
    private ExamQuestionInput? _editing;
    private int? _editingId;
    private int _editingRevision;
    private string? _formError;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;

    /// <summary>The program's code, as in its page's address.</summary>
    [Parameter] public string ProgramCode { get; set; } = "";

    [Inject] private QuestionBankService Bank { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<ExamStrings> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _bank = await Bank.BankAsync(ProgramCode);
            _notFound = _bank is null;
        }
        catch (AccessDeniedException)
        {
            _denied = true;
        }
    }

    private void StartNew()
    {
        _formError = null;
        _editingId = null;
        _editingRevision = 0;
        _editing = new ExamQuestionInput();
    }

    private void Edit(ExamQuestion question)
    {
        _formError = null;
        _editingId = question.Id;
        _editingRevision = question.Revision;
        _editing = ExamQuestionInput.From(question);
    }

    private string Answer(ExamQuestion q) => q.Kind switch
    {
        ExamQuestionKind.SingleChoice or ExamQuestionKind.MultipleChoice => string.Join(", ", q.CorrectOptions.Select(c => (c + 1).ToString(CultureInfo.CurrentCulture))),
        ExamQuestionKind.TrueFalse => q.CorrectOptions.FirstOrDefault() == 0 ? Text["True"] : Text["False"],
        ExamQuestionKind.Numeric => q.Tolerance > 0
            ? $"{q.CorrectNumber?.ToString("0.####", CultureInfo.CurrentCulture)} ± {q.Tolerance.ToString("0.####", CultureInfo.CurrentCulture)}"
            : q.CorrectNumber?.ToString("0.####", CultureInfo.CurrentCulture) ?? "",
        _ => Text["ShortAnswer_Hint"],
    };

    private async Task SaveAsync()
    {
        if (_busy || _editing is null || _bank is null)
            return;
        _busy = true;
        try
        {
            await Bank.SaveAsync(_bank.ProgramId, _editingId, _editingRevision, _editing);
            Say(Text["Saved"], Severity.Success);
            _editing = null;
            _formError = null;
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

    private async Task DeleteAsync(ExamQuestion question)
    {
        if (_busy || _bank is null)
            return;
        if (await Dialogs.ShowMessageBoxAsync(Text["Delete"], Bilingual.Pick(question.Text, question.TextEn), yesText: Text["Delete"], cancelText: Text["Cancel"]) != true)
            return;
        _busy = true;
        try
        {
            await Bank.DeleteAsync(_bank.ProgramId, question.Id);
            Say(Text["Deleted"], Severity.Success);
        }
        catch (DataValidationException ex)
        {
            Say(string.Join(" ", ex.Errors), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }

    private void Say(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }
}
