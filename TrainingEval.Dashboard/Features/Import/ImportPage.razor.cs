using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// Import (HR analysts): choose the kind, download its template, upload a CSV or XLSX file, check the preview
/// and column mapping, import. A refused file lists every error; a success shows the counts and the cohorts
/// whose scores were recomputed. The upload is kept in a temporary file (deleted when the page goes), never in
/// memory, so a fixed file is simply chosen again and a 50 MB file costs the server no more than a small one.
/// An import that takes longer than a second shows its progress: rows read, checked and written, cohorts rescored.
/// </summary>
public sealed partial class ImportPage : IAsyncDisposable
{
    /// <summary>How long an import runs before its progress is shown (short ones just finish).</summary>
    public static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between two progress renders.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private ImportKind _kind = ImportKind.Observations;
    private FileStream? _file;
    private ImportFormat _format;
    private string? _fileName;
    private string? _fileProblem;
    private ImportPreview? _preview;
    private ImportResult? _result;
    private ImportProgress? _progress;
    private bool _showProgress;
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
        await DropFileAsync();
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
            var file = new FileStream(Path.Combine(Path.GetTempPath(), $"trainingeval-upload-{Guid.NewGuid():N}{format.Extension()}"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var upload = e.File.OpenReadStream(ImportFileReader.MaxBytes))
                await upload.CopyToAsync(file);
            _file = file;
            _format = format;
            await PreviewAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The upload from the start, for one read; the temporary file stays open (and on disk) for the next.</summary>
    private NonClosing Upload()
    {
        _file!.Position = 0;
        return new NonClosing(_file);
    }

    private async Task PreviewAsync()
    {
        _fileProblem = null;
        _preview = null;
        if (_file is null)
            return;
        try
        {
            _preview = await Imports.PreviewAsync(_kind, Upload(), _format);
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
        _result = null;
        _progress = null;
        _showProgress = false;
        var started = DateTime.UtcNow;
        var lastRender = DateTime.MinValue;
        // Reported from the import's thread; rendered on the circuit's, at most every 250 ms and only after the first second.
        var progress = new Progress(p =>
        {
            _progress = p;
            var now = DateTime.UtcNow;
            if (now - started < ProgressDelay || now - lastRender < ProgressInterval)
                return;
            lastRender = now;
            _showProgress = true;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            // Off the circuit's thread, so the page can show the progress while a large file is read and checked.
            var kind = _kind;
            var format = _format;
            var name = _fileName ?? "upload";
            var upload = Upload();
            _result = await Task.Run(() => Imports.ImportAsync(kind, upload, format, name, progress));
        }
        finally
        {
            _busy = false;
            _showProgress = false;
        }
    }

    private string PhaseText(ImportProgress progress) => Text["Phase_" + progress.Phase];

    private async Task DropFileAsync()
    {
        if (_file is not null)
            await _file.DisposeAsync();
        _file = null;
    }

    public async ValueTask DisposeAsync() => await DropFileAsync();

    /// <summary>Calls back on the reporting thread (not a captured context), so reports arrive while the import runs.</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    /// <summary>Lets a reader dispose its stream without closing (and deleting) the temporary file under it.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
