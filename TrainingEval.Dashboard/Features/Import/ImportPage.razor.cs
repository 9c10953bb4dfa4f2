using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// Import (HR analysts): choose the kind, download its template, upload a CSV or XLSX file, check the preview
/// and column mapping, import. A refused file lists every error; a success shows the counts and the cohorts
/// whose scores were recomputed. The file stays in memory between preview and import, so a fixed file is
/// simply chosen again.
/// </summary>
public sealed partial class ImportPage
{
    private ImportKind _kind = ImportKind.Observations;
    private byte[]? _file;
    private ImportFormat _format;
    private string? _fileName;
    private string? _fileProblem;
    private ImportPreview? _preview;
    private ImportResult? _result;
    private bool _busy;

    /// <summary>The kind to start with, e.g. <c>/import?kind=learners</c> (links from docs and other pages).</summary>
    [SupplyParameterFromQuery(Name = "kind")] public string? KindParameter { get; set; }

    [Inject] private ImportService Imports { get; set; } = default!;
    [Inject] private IStringLocalizer<ImportPage> Text { get; set; } = default!;
    [Inject] private IStringLocalizer<ImportMessages> Messages { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedStrings> Shared { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ImportSchema.TryParseKind(KindParameter, out var kind))
            _kind = kind;
    }

    private string KindName(ImportKind kind) => Text["Kind_" + kind];

    private string TemplateHref(ImportFormat format) => ImportTemplateEndpoints.Href(_kind, format);

    private async Task KindChanged(ImportKind kind)
    {
        _kind = kind;
        _result = null;
        await PreviewAsync();
    }

    private async Task FileChosen(InputFileChangeEventArgs e)
    {
        _result = null;
        _preview = null;
        _file = null;
        _fileName = e.File.Name;
        if (ImportFormats.FromFileName(e.File.Name) is not { } format)
        {
            _fileProblem = Text["WrongType"];
            return;
        }
        if (e.File.Size > ImportFileReader.MaxBytes)
        {
            _fileProblem = Text["TooLarge", ImportFileReader.MaxBytes / (1024 * 1024)];
            return;
        }
        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var upload = e.File.OpenReadStream(ImportFileReader.MaxBytes))
                await upload.CopyToAsync(buffer);
            _file = buffer.ToArray();
            _format = format;
            await PreviewAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PreviewAsync()
    {
        _fileProblem = null;
        _preview = null;
        if (_file is null)
            return;
        try
        {
            _preview = await Imports.PreviewAsync(_kind, new MemoryStream(_file), _format);
        }
        catch (ImportFileException ex)
        {
            _fileProblem = Messages[ex.Code, [.. ex.Arguments]];
        }
    }

    private async Task ImportAsync()
    {
        if (_file is null || _busy)
            return;
        _busy = true;
        try
        {
            _result = await Imports.ImportAsync(_kind, new MemoryStream(_file), _format, _fileName ?? "upload");
        }
        finally
        {
            _busy = false;
        }
    }
}
