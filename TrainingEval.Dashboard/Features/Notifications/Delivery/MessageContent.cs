using System.Globalization;
using System.Net;
using System.Text;

namespace TrainingEval.Dashboard.Features.Notifications.Delivery;

/// <summary>A message's text in three forms: plain text and HTML for e-mail, Markdown for work-chat robots. Footers are added when sent.</summary>
public sealed record MessageContent(string Subject, string Text, string Html, string Markdown);

/// <summary>Builds one message's three forms block by block, escaping every value once, in its place.</summary>
internal sealed class MessageBuilder
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _markdown = new();

    public MessageBuilder Heading(string heading)
    {
        _text.AppendLine(heading).AppendLine(new string('=', Math.Min(heading.Length * 2, 60))).AppendLine();
        _html.Append("<h2 style=\"font-size:18px;margin:0 0 12px\">").Append(Encode(heading)).Append("</h2>");
        _markdown.Append("### ").AppendLine(Markdown(heading)).AppendLine();
        return this;
    }

    public MessageBuilder Paragraph(string paragraph, bool strong = false)
    {
        _text.AppendLine(paragraph).AppendLine();
        _html.Append("<p style=\"margin:0 0 12px\">").Append(strong ? "<strong>" : "").Append(Encode(paragraph)).Append(strong ? "</strong>" : "").Append("</p>");
        _markdown.AppendLine(strong ? $"**{Markdown(paragraph)}**" : Markdown(paragraph)).AppendLine();
        return this;
    }

    /// <summary>A small table; in Markdown a list (robots render tables poorly), one row a line.</summary>
    public MessageBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        _html.Append("<table style=\"border-collapse:collapse;margin:0 0 12px\"><thead><tr>");
        foreach (var h in headers)
            _html.Append("<th style=\"text-align:left;border-bottom:1px solid #ccc;padding:4px 8px\">").Append(Encode(h)).Append("</th>");
        _html.Append("</tr></thead><tbody>");
        foreach (var row in list)
        {
            _html.Append("<tr>");
            foreach (var cell in row)
                _html.Append("<td style=\"border-bottom:1px solid #eee;padding:4px 8px\">").Append(Encode(cell)).Append("</td>");
            _html.Append("</tr>");
            _text.AppendLine("- " + string.Join(" · ", row.Select((c, i) => $"{headers[i]}: {c}")));
            _markdown.AppendLine("- " + string.Join(" · ", row.Select(Markdown)));
        }
        _html.Append("</tbody></table>");
        _text.AppendLine();
        _markdown.AppendLine();
        return this;
    }

    public MessageBuilder Link(string text, string url)
    {
        _text.Append(text).Append(": ").AppendLine(url).AppendLine();
        _html.Append("<p style=\"margin:16px 0\"><a href=\"").Append(Encode(url)).Append("\" style=\"background:#1565c0;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none\">")
            .Append(Encode(text)).Append("</a></p>");
        _markdown.Append('[').Append(Markdown(text)).Append("](").Append(url).AppendLine(")").AppendLine();
        return this;
    }

    public MessageContent Build(string subject) => new(subject, _text.ToString().TrimEnd() + "\n", _html.ToString(), _markdown.ToString().TrimEnd() + "\n");

    private static string Encode(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Markdown's own characters in a value are escaped, so a name cannot become a link or a heading.</summary>
    internal static string Markdown(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '`' or '<' or '>')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>Runs a piece of work with the current culture set to a recipient's language.</summary>
internal readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var c = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = c;
        CultureInfo.CurrentUICulture = c;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
