using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace TrainingEval.Dashboard.Components.Layout;

/// <summary>One link in the navigation drawer; titles are SharedStrings keys.</summary>
public sealed record NavEntry(string Href, string TitleKey, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix);

/// <summary>A titled group of links in the navigation drawer.</summary>
public sealed record NavSection(string TitleKey, IReadOnlyList<NavEntry> Entries);

/// <summary>
/// The drawer's content. A new page adds its entry here (and its title to SharedStrings);
/// only sections that exist are listed.
/// </summary>
public static class NavSections
{
    public static IReadOnlyList<NavSection> All { get; } =
    [
        new("Nav_Dashboards",
        [
            new("", "Nav_Overview", Icons.Material.Outlined.SpaceDashboard, NavLinkMatch.All),
            new("programs", "Nav_Programs", Icons.Material.Outlined.Timeline),
            new("cohorts", "Nav_Cohorts", Icons.Material.Outlined.Groups),
            new("learners", "Nav_Learners", Icons.Material.Outlined.People),
            new("compare", "Nav_Compare", Icons.Material.Outlined.CompareArrows),
        ]),
        new("Nav_Coaching",
        [
            new("mentor", "Nav_Mentor", Icons.Material.Outlined.SupervisorAccount, NavLinkMatch.All),
            new("mentor/digest", "Nav_Digest", Icons.Material.Outlined.Summarize),
            new("notifications", "Nav_Notifications", Icons.Material.Outlined.Notifications),
            new("me", "Nav_Me", Icons.Material.Outlined.School),
        ]),
        new("Nav_Evaluation",
        [
            new("playground", "Nav_Playground", Icons.Material.Outlined.Calculate),
        ]),
    ];
}
