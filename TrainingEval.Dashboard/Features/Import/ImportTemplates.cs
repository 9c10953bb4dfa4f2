using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace TrainingEval.Dashboard.Features.Import;

/// <summary>Empty files with the header row of each kind, written from <see cref="ImportSchema"/> so they match the reader.</summary>
public static class ImportTemplates
{
    public static string FileName(ImportKind kind, ImportFormat format) => $"trainingeval-{kind.Slug()}{format.Extension()}";

    public static byte[] Create(ImportKind kind, ImportFormat format)
    {
        var columns = ImportSchema.Columns(kind).Select(c => c.Name).ToList();
        using var stream = new MemoryStream();
        if (format == ImportFormat.Csv)
        {
            // With a BOM, so Excel opens the UTF-8 file with Chinese names intact.
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
            using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                foreach (var column in columns)
                    csv.WriteField(column);
                csv.NextRecord();
            }
            return stream.ToArray();
        }
        // MiniExcel writes the keys of the first row as the header; an all-empty row keeps the sheet a template.
        var header = columns.ToDictionary(c => c, object? (_) => null);
        stream.SaveAs(new[] { header }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
