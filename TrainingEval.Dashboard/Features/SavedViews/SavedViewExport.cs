using System.Globalization;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Files;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.SavedViews;

/// <summary>
/// The <c>/views</c> list as a file (issue 21, "export everywhere"): the columns the page shows, in the user's language, for
/// the views the service listed for the reader. The link is app-relative, as stored, so it opens on any host of the app.
/// </summary>
public static class SavedViewExport
{
    /// <summary>Name, link, shared with (a role or "private"), owner and the day it was saved (the reader's local day).</summary>
    public static ExportTable Table(IReadOnlyList<SavedViewRow> views, IStringLocalizer<SavedViewStrings> text, IStringLocalizer<AccountStrings> account)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(account);
        return new ExportTable(
            [text["Col_Name"], text["Col_Page"], text["Col_Shared"], text["Col_Owner"], text["Col_Created"]],
            [.. views.Select(v => (IReadOnlyList<object?>)[v.Name, v.Url,
                v.SharedWithRole is { } role ? account["Role_" + role].Value : text["Private"].Value,
                v.OwnerName, v.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])]);
    }
}
