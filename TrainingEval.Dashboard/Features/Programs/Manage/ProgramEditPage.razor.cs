using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using TrainingEval.Dashboard.Features.Import;
using TrainingEval.Dashboard.Shared;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Programs.Manage;

/// <summary>HR creates a program (<c>/programs/new</c>) or edits one (<c>/programs/{code}/edit</c>); the write is the programs import's.</summary>
public sealed partial class ProgramEditPage
{
    private MudForm? _form;
    private Func<object, string, Task<IEnumerable<string>>> _validate = default!;
    private ProgramInput? _input;
    private int _profileVersion;
    private bool _notFound;
    private bool _busy;
    private IReadOnlyList<ImportError> _errors = [];

    /// <summary>The program edited; null on <c>/programs/new</c>.</summary>
    [Parameter] public string? ProgramCode { get; set; }

    [Inject] private ProgramManagement Programs { get; set; } = default!;
    [Inject] private IValidator<ProgramInput> Validator { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<ProgramEditPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    private bool Creating => ProgramCode is null;

    private string Title => Creating ? Text["TitleNew"] : Text["TitleEdit", _input?.Code ?? ProgramCode ?? ""];

    private string ProgramHref => "programs/" + Uri.EscapeDataString(_input?.Code ?? ProgramCode ?? "");

    protected override void OnInitialized() => _validate = Validator.ForMudForm();

    protected override async Task OnParametersSetAsync()
    {
        _errors = [];
        _notFound = false;
        if (Creating)
        {
            _input = new ProgramInput();
            return;
        }
        var found = await Programs.FindAsync(ProgramCode!);
        _notFound = found is null;
        _input = found?.Input;
        _profileVersion = found?.ProfileVersion ?? 0;
    }

    private async Task SaveAsync()
    {
        if (_busy || _form is null || _input is null)
            return;
        await _form.ValidateAsync();
        if (!_form.IsValid)
            return;
        _busy = true;
        try
        {
            _input.Code = _input.Code.Trim();
            _errors = await Programs.SaveAsync(_input, Creating);
            if (_errors.Count == 0)
                Navigation.NavigateTo("programs/" + Uri.EscapeDataString(_input.Code));
        }
        finally
        {
            _busy = false;
        }
    }
}
