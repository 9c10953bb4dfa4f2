using Microsoft.Extensions.Localization;
using MudBlazor;

namespace TrainingEval.Dashboard.Shared.Localization;

/// <summary>
/// Resource anchor for MudBlazor's own texts (pager, filters, "Not a valid number", …) in
/// the .resx files beside this class, so built-in component text follows the UI culture too.
/// </summary>
public sealed class MudBlazorStrings;

/// <summary>Gives MudBlazor its texts from <see cref="MudBlazorStrings"/>; an unknown key falls back to MudBlazor's English.</summary>
internal sealed class MudBlazorTranslations(IStringLocalizer<MudBlazorStrings> text) : MudLocalizer
{
    private readonly IStringLocalizer<MudBlazorStrings> _text = text;

    public override LocalizedString this[string key] => _text[key];

    public override LocalizedString this[string key, params object[] arguments] => _text[key, arguments];
}
