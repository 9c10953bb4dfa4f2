using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// A cohort's sessions (/cohorts/{code}/sessions): schedule, edit and delete them, open each one's roster; staff link the
/// cohort's trainers here. For staff and the cohort's trainers; <see cref="SessionService"/> enforces it.
/// </summary>
public sealed partial class SessionsPage
{
    private SessionsView? _view;
    private bool _notFound;
    private bool _busy;
    private SessionInput? _editing;
    private string? _formError;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;

    /// <summary>The cohort's code, as in its page's address.</summary>
    [Parameter] public string CohortCode { get; set; } = "";

    [Inject] private SessionService Sessions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<AttendanceStrings> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Sessions.GetAsync(CohortCode);
        _notFound = _view is null;
    }

    private void StartNew()
    {
        _formError = null;
        _editing = new SessionInput { HeldOn = _view is { } v ? SessionService.Day(Clamp(v.Cohort)) : null, Start = "09:00", End = "12:00" };
    }

    private DateOnly Clamp(SessionCohort cohort)
    {
        var last = _view!.Sessions.Count > 0 ? _view.Sessions[^1].HeldOn.AddDays(7) : cohort.StartDate;
        return last > cohort.EndDate ? cohort.EndDate : last < cohort.StartDate ? cohort.StartDate : last;
    }

    private void Edit(SessionRow session)
    {
        _formError = null;
        _editing = SessionInput.From(session);
    }

    private async Task SaveAsync()
    {
        if (_busy || _editing is null || _view is null)
            return;
        _busy = true;
        try
        {
            var isNew = _editing.Id is null;
            await Sessions.SaveAsync(_view.Cohort.Id, _editing);
            var title = Bilingual.Pick(_editing.Title.Trim(), _editing.TitleEn?.Trim());
            Say(isNew ? Text["Saved_New", title] : Text["Saved_Edit", title], Severity.Success);
            _editing = null;
            _formError = null;
            await LoadAsync();
        }
        catch (DataValidationException ex)
        {
            _formError = string.Join(" ", ex.Errors);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync(SessionRow session)
    {
        if (_busy)
            return;
        if (await Dialogs.ShowMessageBoxAsync(Text["Delete_Title"], Text["Delete_Question", session.DisplayName(), SessionService.Day(session.HeldOn)],
                yesText: Text["Delete_Yes"], cancelText: Text["Cancel"]) != true)
            return;
        await RunAsync(async () =>
        {
            await Sessions.DeleteAsync(session.Id);
            Say(Text["Deleted", session.DisplayName()], Severity.Success);
        });
    }

    private Task AddTrainerAsync(TrainerRow trainer) => RunAsync(async () =>
    {
        await Sessions.AddTrainerAsync(_view!.Cohort.Id, trainer.UserId);
        Say(Text["Trainers_Added", trainer.UserName, _view.Cohort.Code], Severity.Success);
    });

    private Task RemoveTrainerAsync(TrainerRow trainer) => RunAsync(async () =>
    {
        await Sessions.RemoveTrainerAsync(_view!.Cohort.Id, trainer.UserId);
        Say(Text["Trainers_Removed", trainer.UserName, _view.Cohort.Code], Severity.Success);
    });

    private async Task RunAsync(Func<Task> action)
    {
        if (_busy || _view is null)
            return;
        _busy = true;
        try
        {
            await action();
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
