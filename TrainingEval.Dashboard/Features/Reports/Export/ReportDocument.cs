namespace TrainingEval.Dashboard.Features.Reports.Export;

/// <summary>One table cell: the text the PDF prints and the value the XLSX stores (a number stays a number).</summary>
public readonly record struct ReportCell(string Text, object? Value)
{
    public static implicit operator ReportCell(string text) => new(text, text);
}

/// <summary>A printable piece of a report, in reading order.</summary>
public abstract record ReportBlock;

public sealed record HeadingBlock(string Text) : ReportBlock;

public sealed record ParagraphBlock(string Text, bool Muted = false) : ReportBlock;

/// <summary>Headline numbers, printed as a row of label/value boxes.</summary>
public sealed record FactsBlock(IReadOnlyList<(string Label, string Value)> Facts) : ReportBlock;

/// <summary>A table; <paramref name="SheetName"/> names its XLSX sheet (at most 31 characters there). Relative column widths optional.</summary>
public sealed record TableBlock(string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<double>? Widths = null) : ReportBlock;

/// <summary>A chart captured in the browser as PNG.</summary>
public sealed record ImageBlock(byte[] Png, string Caption) : ReportBlock;

/// <summary>What a report prints, independent of the output format (PDF, XLSX); <paramref name="Landscape"/> for a list too wide for portrait A4.</summary>
public sealed record ReportDocument(string Title, string Subtitle, string Footer, IReadOnlyList<ReportBlock> Blocks, bool Landscape = false)
{
    public IEnumerable<TableBlock> Tables => Blocks.OfType<TableBlock>();
}
