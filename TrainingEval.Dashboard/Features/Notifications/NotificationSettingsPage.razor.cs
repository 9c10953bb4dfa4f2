using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Features.Notifications.Delivery;
using TrainingEval.Dashboard.Hosting;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Notifications;

/// <summary>/account/notifications: each user's language, e-mail address, work-chat robot, per kind how often and how; report subscriptions.</summary>
public sealed partial class NotificationSettingsPage
{
    private static readonly DeliveryChannel[] WebhookServices = [DeliveryChannel.WeCom, DeliveryChannel.DingTalk, DeliveryChannel.Feishu, DeliveryChannel.Teams];

    private NotificationSettingsView? _view;
    private Dictionary<string, string> _errors = [];
    private List<string> _problems = [];
    private bool _busy;
    private bool _saved;
    private string _cohortCode = "";
    private DeliveryFrequency _frequency = DeliveryFrequency.Weekly;
    private string? _subscribeProblem;

    [Inject] private NotificationPreferencesService Preferences { get; set; } = default!;
    [Inject] private IValidator<NotificationSettingsInput> Validator { get; set; } = default!;
    [Inject] private IOptions<TrainingEvalOptions> App { get; set; } = default!;
    [Inject] private LocalTime Time { get; set; } = default!;
    [Inject] private IStringLocalizer<NotificationSettingsPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    private IEnumerable<string> Cultures => App.Value.SupportedCultures;

    protected override async Task OnInitializedAsync() => _view = await Preferences.LoadAsync();

    private bool HasError(string property) => _errors.ContainsKey(property);

    private string? ErrorOf(string property) => _errors.GetValueOrDefault(property);

    private async Task SaveAsync()
    {
        if (_view is null)
            return;
        _busy = true;
        _saved = false;
        _problems = [];
        try
        {
            var result = await Validator.ValidateAsync(_view.Input);
            _errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
            if (!result.IsValid)
            {
                _problems = [.. result.Errors.Select(e => e.ErrorMessage)];
                return;
            }
            await Preferences.SaveAsync(_view.Input);
            _view = await Preferences.LoadAsync();
            _saved = true;
        }
        catch (DataValidationException ex)
        {
            _problems = [.. ex.Errors];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SubscribeAsync()
    {
        _busy = true;
        _subscribeProblem = null;
        try
        {
            if (string.IsNullOrWhiteSpace(_cohortCode))
            {
                _subscribeProblem = Text["CohortRequired"];
                return;
            }
            await Preferences.SubscribeAsync(_cohortCode, _frequency);
            _cohortCode = "";
            _view = await Preferences.LoadAsync();
        }
        catch (SubscriptionException ex)
        {
            _subscribeProblem = ex.Reason == SubscriptionProblem.UnknownCohort ? Text["CohortUnknown", ex.CohortCode] : Text["AlreadySubscribed", ex.CohortCode];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RemoveAsync(SubscriptionRow row)
    {
        _busy = true;
        try
        {
            await Preferences.RemoveSubscriptionAsync(row.Id);
            _view = await Preferences.LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
