using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp;

namespace TrainingEval.Dashboard.Features.Reports.Export;

/// <summary>
/// Lays out a <see cref="ReportDocument"/> on A4 pages with PDFsharp: title block, headings, wrapped paragraphs,
/// headline boxes, tables that break across pages (header repeated), chart images, and a footer with page numbers.
/// One font (see <see cref="CjkFontResolver"/>) serves Chinese and Latin text alike.
/// </summary>
public sealed class PdfReportRenderer
{
    private const double Margin = 48;
    private const double FooterHeight = 24;
    private static readonly XColor Ink = XColor.FromArgb(0x1f, 0x29, 0x37);
    private static readonly XColor Muted = XColor.FromArgb(0x64, 0x74, 0x8b);
    private static readonly XColor Accent = XColor.FromArgb(0x1e, 0x40, 0xaf);
    private static readonly XColor Rule = XColor.FromArgb(0xcb, 0xd5, 0xe1);
    private static readonly XColor Band = XColor.FromArgb(0xf1, 0xf5, 0xf9);

    public byte[] Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CjkFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = report.Subtitle;
        document.Info.Creator = "TrainingEval";
        document.Options.CompressContentStreams = true;
        var writer = new PageWriter(document, report.Landscape);
        writer.Title(report.Title, report.Subtitle);
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h: writer.Heading(h.Text); break;
                case ParagraphBlock p: writer.Paragraph(p.Text, p.Muted); break;
                case FactsBlock f: writer.Facts(f.Facts); break;
                case TableBlock t: writer.Table(t); break;
                case ImageBlock i: writer.Image(i); break;
                default: throw new NotSupportedException($"Report block {block.GetType().Name} has no PDF layout.");
            }
        }
        writer.Finish(report.Footer);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class PageWriter(PdfDocument document, bool landscape)
    {
        private readonly XFont _title = new(CjkFontResolver.FamilyName, 18, XFontStyleEx.Bold);
        private readonly XFont _heading = new(CjkFontResolver.FamilyName, 12.5, XFontStyleEx.Bold);
        private readonly XFont _body = new(CjkFontResolver.FamilyName, 9.5, XFontStyleEx.Regular);
        private readonly XFont _small = new(CjkFontResolver.FamilyName, 8, XFontStyleEx.Regular);
        private readonly XFont _bold = new(CjkFontResolver.FamilyName, 9, XFontStyleEx.Bold);
        private readonly XFont _factValue = new(CjkFontResolver.FamilyName, 14, XFontStyleEx.Bold);
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        private double Width => _page!.Width.Point - 2 * Margin;
        private double Bottom => _page!.Height.Point - Margin - FooterHeight;

        private XGraphics Gfx
        {
            get
            {
                if (_gfx is null)
                    NewPage();
                return _gfx!;
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            if (landscape)
                _page.Orientation = PageOrientation.Landscape;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void Ensure(double height)
        {
            _ = Gfx;
            if (_y + height > Bottom)
                NewPage();
        }

        public void Title(string title, string subtitle)
        {
            _ = Gfx;
            _gfx!.DrawRectangle(new XSolidBrush(Accent), Margin, _y, 4, 40);
            foreach (var line in Wrap(title, _title, Width - 12))
            {
                _gfx.DrawString(line, _title, new XSolidBrush(Ink), new XRect(Margin + 12, _y, Width - 12, 24), XStringFormats.TopLeft);
                _y += 24;
            }
            foreach (var line in Wrap(subtitle, _body, Width - 12))
            {
                _gfx.DrawString(line, _body, new XSolidBrush(Muted), new XRect(Margin + 12, _y, Width - 12, 14), XStringFormats.TopLeft);
                _y += 14;
            }
            _y += 14;
        }

        public void Heading(string text)
        {
            Ensure(60);
            _y += 6;
            Gfx.DrawString(text, _heading, new XSolidBrush(Accent), new XRect(Margin, _y, Width, 18), XStringFormats.TopLeft);
            _y += 19;
            Gfx.DrawLine(new XPen(Rule, 0.75), Margin, _y, Margin + Width, _y);
            _y += 7;
        }

        public void Paragraph(string text, bool muted)
        {
            var font = muted ? _small : _body;
            var lineHeight = font.Size * 1.5;
            foreach (var line in Wrap(text, font, Width))
            {
                Ensure(lineHeight);
                Gfx.DrawString(line, font, new XSolidBrush(muted ? Muted : Ink), new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
            _y += 4;
        }

        public void Facts(IReadOnlyList<(string Label, string Value)> facts)
        {
            const double boxHeight = 46, gap = 8;
            var perRow = Math.Min(4, Math.Max(1, facts.Count));
            var boxWidth = (Width - gap * (perRow - 1)) / perRow;
            for (var i = 0; i < facts.Count; i += perRow)
            {
                Ensure(boxHeight + gap);
                for (var j = 0; j < perRow && i + j < facts.Count; j++)
                {
                    var x = Margin + j * (boxWidth + gap);
                    Gfx.DrawRectangle(new XPen(Rule, 0.75), new XSolidBrush(Band), x, _y, boxWidth, boxHeight);
                    Gfx.DrawString(Fit(facts[i + j].Label, _small, boxWidth - 12), _small, new XSolidBrush(Muted), new XRect(x + 6, _y + 5, boxWidth - 12, 12), XStringFormats.TopLeft);
                    Gfx.DrawString(Fit(facts[i + j].Value, _factValue, boxWidth - 12), _factValue, new XSolidBrush(Ink), new XRect(x + 6, _y + 20, boxWidth - 12, 20), XStringFormats.TopLeft);
                }
                _y += boxHeight + gap;
            }
            _y += 4;
        }

        public void Table(TableBlock table)
        {
            var relative = table.Widths ?? table.Columns.Select(_ => 1.0).ToList();
            var total = relative.Sum();
            var widths = relative.Select(w => w / total * Width).ToList();
            const double pad = 4;
            var lineHeight = _body.Size * 1.35;

            void Header()
            {
                var lines = table.Columns.Select((c, i) => Wrap(c, _bold, widths[i] - 2 * pad)).ToList();
                var height = lines.Max(l => l.Count) * lineHeight + 2 * pad;
                Ensure(height + lineHeight + 2 * pad);
                Gfx.DrawRectangle(new XSolidBrush(Band), Margin, _y, Width, height);
                var x = Margin;
                for (var i = 0; i < lines.Count; i++)
                {
                    for (var k = 0; k < lines[i].Count; k++)
                        Gfx.DrawString(lines[i][k], _bold, new XSolidBrush(Ink), new XRect(x + pad, _y + pad + k * lineHeight, widths[i] - 2 * pad, lineHeight), XStringFormats.TopLeft);
                    x += widths[i];
                }
                _y += height;
                Gfx.DrawLine(new XPen(Rule, 0.75), Margin, _y, Margin + Width, _y);
            }

            Header();
            foreach (var row in table.Rows)
            {
                var lines = row.Select((c, i) => Wrap(c.Text, _body, widths[i] - 2 * pad)).ToList();
                var height = lines.Max(l => l.Count) * lineHeight + 2 * pad;
                if (_y + height > Bottom)
                {
                    NewPage();
                    Header();
                }
                var x = Margin;
                for (var i = 0; i < lines.Count; i++)
                {
                    var numeric = row[i].Value is double or int or decimal;
                    for (var k = 0; k < lines[i].Count; k++)
                    {
                        var rect = new XRect(x + pad, _y + pad + k * lineHeight, widths[i] - 2 * pad, lineHeight);
                        Gfx.DrawString(lines[i][k], _body, new XSolidBrush(Ink), rect, numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    }
                    x += widths[i];
                }
                _y += height;
                Gfx.DrawLine(new XPen(Rule, 0.4), Margin, _y, Margin + Width, _y);
            }
            _y += 10;
        }

        public void Image(ImageBlock image)
        {
            using var stream = new MemoryStream(image.Png);
            using var picture = XImage.FromStream(stream);
            var width = Math.Min(Width, picture.PointWidth);
            var height = picture.PointHeight * width / picture.PointWidth;
            if (height > Bottom - Margin - 20)
            {
                height = Bottom - Margin - 20;
                width = picture.PointWidth * height / picture.PointHeight;
            }
            Ensure(height + 20);
            Gfx.DrawImage(picture, Margin + (Width - width) / 2, _y, width, height);
            _y += height + 2;
            Gfx.DrawString(image.Caption, _small, new XSolidBrush(Muted), new XRect(Margin, _y, Width, 12), XStringFormats.TopCenter);
            _y += 18;
        }

        public void Finish(string footer)
        {
            _ = Gfx;
            _gfx!.Dispose();
            _gfx = null;
            var count = document.PageCount;
            for (var i = 0; i < count; i++)
            {
                var page = document.Pages[i];
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var y = page.Height.Point - Margin;
                var width = page.Width.Point - 2 * Margin;
                gfx.DrawLine(new XPen(Rule, 0.5), Margin, y - 6, Margin + width, y - 6);
                gfx.DrawString(footer, _small, new XSolidBrush(Muted), new XRect(Margin, y, width, 12), XStringFormats.TopLeft);
                gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"{i + 1} / {count}"), _small, new XSolidBrush(Muted), new XRect(Margin, y, width, 12), XStringFormats.TopRight);
            }
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Gfx.MeasureString(text, font).Width <= width)
                return text;
            while (text.Length > 1 && Gfx.MeasureString(text + "…", font).Width > width)
                text = text[..^1];
            return text + "…";
        }

        /// <summary>Greedy line breaking: between words for Latin text, between any two characters for CJK.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in (text ?? "").Split('\n'))
            {
                var line = "";
                foreach (var token in Tokens(paragraph))
                {
                    var candidate = line + token;
                    if (line.Length > 0 && Gfx.MeasureString(candidate.TrimEnd(), font).Width > width)
                    {
                        lines.Add(line.TrimEnd());
                        line = token.TrimStart();
                    }
                    else
                    {
                        line = candidate;
                    }
                }
                lines.Add(line.TrimEnd());
            }
            return lines;
        }

        private static IEnumerable<string> Tokens(string text)
        {
            var word = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (IsCjk(c))
                {
                    if (word.Length > 0)
                    {
                        yield return word.ToString();
                        word.Clear();
                    }
                    yield return c.ToString();
                }
                else
                {
                    word.Append(c);
                    if (c == ' ')
                    {
                        yield return word.ToString();
                        word.Clear();
                    }
                }
            }
            if (word.Length > 0)
                yield return word.ToString();
        }

        private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
    }
}
