using System.Globalization;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>
/// One problem of a file: the row as the spreadsheet numbers it, the column, the cell's text and why — as an
/// <see cref="ImportMessages"/> code with its arguments, so each reader gets it in their language.
/// </summary>
public sealed record ImportError(int Row, string Column, string? Value, string Code, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// A cell's text (and an argument that quotes it) is shown up to this many characters, then "…": a cell can be
    /// 32,767 characters, and an error list of a thousand such cells must not become megabytes sent to a browser or client.
    /// Arguments the product wrote (the allowed values, a limit) stay whole: cutting them would hide the answer.
    /// </summary>
    public const int MaxShownLength = 120;

    public string? Value { get; init; } = Shorten(Value);

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Arguments { get; init; } = QuotesOfLongCell(Value, Arguments) ? [.. Arguments.Select(a => a.Contains(Value!, StringComparison.Ordinal) ? Shorten(a)! : a)] : Arguments;

    private static bool QuotesOfLongCell(string? value, IReadOnlyList<string> arguments) =>
        value is { Length: > MaxShownLength } && arguments.Any(a => a.Contains(value, StringComparison.Ordinal));

    private static string? Shorten(string? text) => text is { Length: > MaxShownLength } ? string.Concat(text.AsSpan(0, MaxShownLength - 1), "…") : text;

    /// <summary>The reason in English (the REST API's language).</summary>
    public string Message => ImportMessages.English(Code, Arguments);

    /// <summary>The reason in <paramref name="culture"/>.</summary>
    public string MessageIn(System.Globalization.CultureInfo culture) => ImportMessages.Format(Code, Arguments, culture);
}

/// <summary>
/// The errors of one import: every one is counted, the first <see cref="MaxListed"/> are kept to be shown. A file
/// whose every row is wrong (500,000 errors) still reports all of it in one answer — how many and the first
/// thousand, row by row — without holding half a million messages in memory or sending them to a browser.
/// </summary>
public sealed class ImportErrorList
{
    public const int MaxListed = 1_000;

    private readonly List<ImportError> _listed = [];

    /// <summary>Every error found, listed or not.</summary>
    public int Count { get; private set; }

    public void Add(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Count++;
        if (_listed.Count < MaxListed)
            _listed.Add(error);
    }

    /// <summary>The listed errors by row (a stable sort: a row's errors keep the order they were found in).</summary>
    public IReadOnlyList<ImportError> InRowOrder() => [.. _listed.OrderBy(e => e.Row)];
}

/// <summary>How a file's headers map to a kind's columns: found, missing, and ignored extra columns.</summary>
public sealed record ColumnMapping(ImportKind Kind, IReadOnlyDictionary<string, int> Found, IReadOnlyList<ImportColumn> Missing, IReadOnlyList<string> Ignored)
{
    public static ColumnMapping Of(ImportKind kind, IReadOnlyList<string> headers)
    {
        var found = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ignored = new List<string>();
        var columns = ImportSchema.Columns(kind);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var column = columns.FirstOrDefault(c => string.Equals(c.Name, header, StringComparison.OrdinalIgnoreCase));
            if (column is not null && !found.ContainsKey(column.Name))
                found[column.Name] = i;
            else if (header.Length > 0)
                ignored.Add(header);
        }
        return new ColumnMapping(kind, found, columns.Where(c => !found.ContainsKey(c.Name)).ToList(), ignored);
    }

    /// <summary>The file's header text that maps to <paramref name="column"/>, or null when absent.</summary>
    public int? IndexOf(string column) => Found.TryGetValue(column, out var i) ? i : null;
}

/// <summary>
/// Reads typed values from one row and records an <see cref="ImportError"/> for each bad cell instead of
/// stopping, so a file reports all its problems at once. Getters return null for a bad or empty cell.
/// </summary>
public sealed class ImportCells(ColumnMapping mapping, ImportRow row, ImportErrorList errors)
{
    public int Row => row.Number;

    public bool Has(string column) => mapping.IndexOf(column) is not null;

    /// <summary>The trimmed text of a cell; null when the column is absent or the cell empty.</summary>
    public string? Raw(string column)
    {
        if (mapping.IndexOf(column) is not { } i || i >= row.Cells.Count)
            return null;
        var text = row.Cells[i]?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public void Error(string column, string code, params string[] arguments) => errors.Add(new ImportError(Row, column, Raw(column), code, arguments));

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    public string? Text(string column, int maxLength, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, ImportMessages.Required, column);
            return null;
        }
        if (text.Length > maxLength)
        {
            Error(column, ImportMessages.TooLong, column, Invariant(text.Length), Invariant(maxLength));
            return null;
        }
        return text;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, ImportMessages.Required, column);
            return null;
        }
        if (DateOnly.TryParseExact(text, ImportSchema.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(column, ImportMessages.BadDate, text, ImportSchema.DateFormat);
        return null;
    }

    public double? Number(string column, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, ImportMessages.Required, column);
            return null;
        }
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Error(column, text.Contains(',', StringComparison.Ordinal) ? ImportMessages.BadNumberSeparator : ImportMessages.BadNumber, text);
        return null;
    }

    /// <summary>True when the cell has text that its getter refused (an error was recorded).</summary>
    public bool Bad(string column, object? parsed) => Raw(column) is not null && parsed is null;

    /// <summary>A time of day, <c>HH:mm</c> (seconds allowed).</summary>
    public TimeOnly? Time(string column, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, ImportMessages.Required, column);
            return null;
        }
        if (TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        Error(column, ImportMessages.BadTime, text);
        return null;
    }

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>
    /// An instant: <c>yyyy-MM-dd HH:mm[:ss]</c>, or a date alone, which stands for <paramref name="dateOnlyAt"/> that day
    /// (the end of the day for a due date, its start for a submission, so "handed in on the due day" is on time).
    /// </summary>
    public DateTime? Instant(string column, TimeOnly dateOnlyAt, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, ImportMessages.Required, column);
            return null;
        }
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return DateTime.SpecifyKind(at, DateTimeKind.Utc);
        if (DateOnly.TryParseExact(text, ImportSchema.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToDateTime(dateOnlyAt, DateTimeKind.Utc);
        Error(column, ImportMessages.BadDateTime, text);
        return null;
    }

    /// <summary>A whole number.</summary>
    public int? WholeNumber(string column, bool required = false)
    {
        if (Number(column, required) is not { } value)
            return null;
        if (value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue)
            return (int)value;
        Error(column, ImportMessages.NotWhole, Raw(column)!);
        return null;
    }

    /// <summary>yes/no: <c>true</c>, <c>yes</c>, <c>1</c>, <c>y</c>, <c>是</c> or <c>false</c>, <c>no</c>, <c>0</c>, <c>n</c>, <c>否</c>; empty is <paramref name="empty"/>.</summary>
    public bool? Flag(string column, bool? empty = null)
    {
        var text = Raw(column);
        if (text is null)
            return empty;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "是":
                return true;
            case "false" or "no" or "n" or "0" or "否":
                return false;
            default:
                Error(column, ImportMessages.BadFlag, text);
                return null;
        }
    }

    /// <summary>One of a fixed list of codes (<see cref="ImportChoices{T}"/>, e.g. <c>present</c>); empty is <paramref name="empty"/>.</summary>
    public T? Choice<T>(string column, ImportChoices<T> choices, T? empty = null, bool required = false) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = Raw(column);
        if (text is null)
        {
            if (required && empty is null)
                Error(column, ImportMessages.Required, column);
            return empty;
        }
        if (choices.TryParse(text, out var value))
            return value;
        Error(column, ImportMessages.BadChoice, column, text, string.Join(", ", choices.Codes));
        return null;
    }

}

/// <summary>The codes a column accepts for an enum, as files write them (<c>pre_test</c>, <c>late</c>); reading also takes "Pre-test" or "PRETEST".</summary>
public sealed class ImportChoices<T> where T : struct, Enum
{
    private readonly (string Code, T Value)[] _items;

    public ImportChoices(params (string Code, T Value)[] items) => _items = items;

    public IReadOnlyList<string> Codes => [.. _items.Select(i => i.Code)];

    public string CodeOf(T value) => _items.First(i => EqualityComparer<T>.Default.Equals(i.Value, value)).Code;

    public bool TryParse(string text, out T value)
    {
        var key = Key(text);
        foreach (var (code, v) in _items)
        {
            if (Key(code) == key)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>How a choice is compared: lower case, without '-', '_' and spaces ("Pre-test" = "pre_test" = "pretest").</summary>
    private static string Key(string text) => new([.. text.ToLowerInvariant().Where(ch => ch is not ('-' or '_' or ' '))]);
}
