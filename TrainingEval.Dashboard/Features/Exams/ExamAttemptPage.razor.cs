using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;
using TrainingEval.Domain.Exams;

namespace TrainingEval.Dashboard.Features.Exams;

/// <summary>
/// The learner's exam attempt (/me/exams/{id}), made for a phone: the time left counted down from the server's deadline,
/// each question with its answer saved the moment it changes (reopening shows the saved answers), and the submit that
/// shows the theory result against the pass line at once. <see cref="ExamAttemptService"/> enforces every rule.
/// </summary>
public sealed partial class ExamAttemptPage
{
    private AttemptView? _view;
    private bool _notFound;
    private bool _busy;
    private string? _error;
    private readonly HashSet<int> _saved = [];
    private readonly Dictionary<int, ExamResponse> _answers = [];
    private DateTime _loadedAt;
    private Timer? _ticker;

    [Parameter] public int AttemptId { get; set; }

    [Inject] private ExamAttemptService Attempts { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private LocalTime Local { get; set; } = default!;
    [Inject] private IStringLocalizer<ExamStrings> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    // The server's time left at loading, less what has passed on this circuit since (both by the server's clock).
    private TimeSpan TimeLeft => _view is null ? TimeSpan.Zero
        : _view.TimeLeft - (Time.GetUtcNow().UtcDateTime - _loadedAt) is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _ticker ??= new Timer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Attempts.AttemptAsync(AttemptId);
            _loadedAt = Time.GetUtcNow().UtcDateTime;
            _answers.Clear();
            foreach (var q in _view.Questions.Where(q => q.Saved is not null))
                _answers[q.Id] = q.Saved!;
        }
        catch (Exception ex) when (ex is AccessDeniedException or RecordNotFoundException)
        {
            _notFound = true;
        }
    }

    private ExamResponse Answer(AttemptQuestion q) => _answers.TryGetValue(q.Id, out var a) ? a : ExamResponse.Blank;

    private static int OptionCount(AttemptQuestion q) => q.Kind == ExamQuestionKind.TrueFalse ? 2 : q.Options.Count;

    private string OptionText(AttemptQuestion q, int option) => q.Kind == ExamQuestionKind.TrueFalse
        ? (option == 0 ? Text["True"] : Text["False"])
        : CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || q.OptionsEn.Count != q.Options.Count ? q.Options[option] : q.OptionsEn[option];

    private static string Number(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);

    private static string Clock(TimeSpan left) => left.TotalHours >= 1
        ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : left.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    private Task ToggleAsync(AttemptQuestion q, int option, bool on)
    {
        var ticked = (Answer(q).Options ?? []).Where(o => o != option).ToList();
        if (on)
            ticked.Add(option);
        ticked.Sort();
        return SaveAsync(q, new ExamResponse(ticked));
    }

    private async Task SaveAsync(AttemptQuestion q, ExamResponse response)
    {
        _answers[q.Id] = response;
        _saved.Remove(q.Id);
        try
        {
            await Attempts.SaveAnswerAsync(AttemptId, q.Id, response);
            _saved.Add(q.Id);
            _error = null;
        }
        catch (DataValidationException ex)
        {
            // Past the deadline the service closed the attempt; the reload shows its outcome.
            _error = string.Join(" ", ex.Errors);
            await LoadAsync();
        }
    }

    private async Task SubmitAsync()
    {
        if (_busy)
            return;
        _busy = true;
        try
        {
            await Attempts.SubmitAsync(AttemptId);
            _error = null;
        }
        catch (DataValidationException ex)
        {
            _error = string.Join(" ", ex.Errors);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }

    public void Dispose() => _ticker?.Dispose();
}
