using System.Globalization;

namespace TrainingEval.Dashboard.Data.Import;

/// <summary>One problem of a file: the row as the spreadsheet numbers it, the column, the cell's text and why.</summary>
public sealed record ImportError(int Row, string Column, string? Value, string Message);

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
public sealed class ImportCells(ColumnMapping mapping, ImportRow row, List<ImportError> errors)
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

    public void Error(string column, string message) => errors.Add(new ImportError(Row, column, Raw(column), message));

    public string? Text(string column, int maxLength, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, $"{column} is required.");
            return null;
        }
        if (text.Length > maxLength)
        {
            Error(column, string.Create(CultureInfo.InvariantCulture, $"{column} is {text.Length} characters long; at most {maxLength} are allowed."));
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
                Error(column, $"{column} is required.");
            return null;
        }
        if (DateOnly.TryParseExact(text, ImportSchema.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(column, $"'{text}' is not a date; write it as {ImportSchema.DateFormat}, e.g. 2025-03-01.");
        return null;
    }

    public double? Number(string column, bool required = false)
    {
        var text = Raw(column);
        if (text is null)
        {
            if (required)
                Error(column, $"{column} is required.");
            return null;
        }
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        var hint = text.Contains(',', StringComparison.Ordinal) ? " Use . as the decimal separator and no thousands separator." : "";
        Error(column, $"'{text}' is not a number.{hint}");
        return null;
    }
}
