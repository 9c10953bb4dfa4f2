using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Live;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// A session's roster (/sessions/{id}/roster): the check-in code and its QR code for the screen, and every enrolled learner
/// with four buttons. Reloads live when the cohort's scores change — every mark and every check-in rescores its learner
/// and tells the open pages (<see cref="IScoreChangeNotifier"/>) — so learners checking in appear without a reload.
/// </summary>
public sealed partial class RosterPage
{
    private RosterView? _view;
    private bool _notFound;
    private string? _message;
    private string? _done;
    private bool _bulkBusy;
    private readonly HashSet<int> _saving = [];

    /// <summary>The session's id, as in the address.</summary>
    [Parameter] public int SessionId { get; set; }

    [Inject] private AttendanceService Attendance { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private LocalTime Local { get; set; } = default!;
    [Inject] private IStringLocalizer<AttendanceStrings> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    protected override object LoadKey => SessionId;

    protected override bool Shows(CohortScoresChanged change) => _view?.Cohort.Id == change.CohortId;

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var view = await Attendance.RosterAsync(SessionId, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _view = view;
        _notFound = view is null;
    }

    private string Subtitle
    {
        get
        {
            var s = _view!.Session;
            var when = s.Start is { } a && s.End is { } b ? $"{SessionService.Day(s.HeldOn)} {SessionFormValidator.Format(a)}–{SessionFormValidator.Format(b)}" : SessionService.Day(s.HeldOn);
            var parts = new List<string> { _view.Cohort.DisplayName(), when };
            if (s.Place is not null)
                parts.Add(s.Place);
            return string.Join(" · ", parts);
        }
    }

    private string Summary
    {
        get
        {
            var s = _view!.Session;
            return Text["Counts", s.Marked, _view.Lines.Count, s.Present, s.Late, s.Absent, s.Excused];
        }
    }

    private async Task MarkAsync(RosterLine line, AttendanceStatus status)
    {
        if (!_saving.Add(line.EnrollmentId))
            return;
        try
        {
            await Attendance.MarkAsync(SessionId, line.EnrollmentId, status, line.Revision);
            _message = null;
        }
        catch (ConcurrencyConflictException ex)
        {
            _message = ex.Message;
        }
        catch (DataValidationException ex)
        {
            _message = string.Join(" ", ex.Errors);
        }
        finally
        {
            _saving.Remove(line.EnrollmentId);
        }
        // The rescore has told this page already; a refused mark shows what is stored now.
        await ReloadAsync();
    }

    private IReadOnlyList<RosterLine> Unmarked => _view is null ? [] : [.. _view.Lines.Where(l => l.Status is null)];

    private async Task MarkRestAbsentAsync()
    {
        if (_bulkBusy)
            return;
        var unmarked = Unmarked.Select(l => l.EnrollmentId).ToList();
        if (unmarked.Count == 0)
            return;
        _bulkBusy = true;
        try
        {
            if (await Dialogs.ShowMessageBoxAsync(Text["AllAbsent_Title"], Text["AllAbsent_Question", unmarked.Count],
                    yesText: Text["AllAbsent_Confirm"], cancelText: Text["Cancel"]) != true)
                return;
            var result = await Attendance.MarkUnmarkedAbsentAsync(SessionId, unmarked);
            _done = Text["AllAbsent_Done", result.Marked];
            _message = result.Skipped.Count > 0 ? string.Join(" ", result.Skipped) : null;
        }
        catch (ConcurrencyConflictException ex)
        {
            _done = null;
            _message = ex.Message;
        }
        catch (DataValidationException ex)
        {
            _done = null;
            _message = string.Join(" ", ex.Errors);
        }
        finally
        {
            _bulkBusy = false;
        }
        await ReloadAsync();
    }
}
