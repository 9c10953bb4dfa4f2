using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Shared.Layout;

/// <summary>
/// One link in the navigation drawer; titles are SharedStrings keys. <paramref name="Roles"/> (comma-separated, as in
/// <c>[Authorize(Roles = …)]</c>) says who sees it; null means every signed-in user. The page itself enforces access.
/// </summary>
public sealed record NavEntry(string Href, string TitleKey, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix, string? Roles = null)
{
    public bool IsVisibleTo(UserContext user) =>
        Roles is null || Roles.Split(',').Any(user.IsInRole);
}

/// <summary>A titled group of links in the navigation drawer.</summary>
public sealed record NavSection(string TitleKey, IReadOnlyList<NavEntry> Entries);

/// <summary>
/// The drawer's content. A new page adds its entry here (and its title to SharedStrings);
/// only sections that exist are listed.
/// </summary>
public static class NavSections
{
    /// <summary>The sections with at least one link the user may see, holding only those links.</summary>
    public static IReadOnlyList<NavSection> For(UserContext user) =>
        [.. All.Select(s => s with { Entries = [.. s.Entries.Where(e => e.IsVisibleTo(user))] }).Where(s => s.Entries.Count > 0)];

    public static IReadOnlyList<NavSection> All { get; } =
    [
        new("Nav_Dashboards",
        [
            new("", "Nav_Overview", Icons.Material.Outlined.SpaceDashboard, NavLinkMatch.All, Roles.Readers),
            new("programs", "Nav_Programs", Icons.Material.Outlined.Timeline, Roles: Roles.Readers),
            new("cohorts", "Nav_Cohorts", Icons.Material.Outlined.Groups, Roles: Roles.ReadersAndMentors),
            new("learners", "Nav_Learners", Icons.Material.Outlined.People, Roles: Roles.ReadersAndMentors),
            new("compare", "Nav_Compare", Icons.Material.Outlined.CompareArrows, Roles: Roles.Readers),
        ]),
        new("Nav_Coaching",
        [
            // Staff open a mentor's workspace from a link with ?mentor=; without one it is a mentor's own page.
            new("mentor", "Nav_Mentor", Icons.Material.Outlined.SupervisorAccount, NavLinkMatch.All, Roles.Mentor),
            new("mentor/digest", "Nav_Digest", Icons.Material.Outlined.Summarize, Roles: Roles.Mentor),
            new("notifications", "Nav_Notifications", Icons.Material.Outlined.Notifications, Roles: Roles.MentorsAndStaff),
            new("me", "Nav_Me", Icons.Material.Outlined.School, Roles: Roles.Learner),
            new("check-in", "Nav_CheckIn", Icons.Material.Outlined.HowToReg, Roles: Roles.Learner),
            new("teaching", "Nav_Teaching", Icons.Material.Outlined.CoPresent, Roles: Roles.Trainer),
        ]),
        new("Nav_Reports",
        [
            new("reports", "Nav_ReportsIndex", Icons.Material.Outlined.Assessment, NavLinkMatch.All, Roles.Readers),
            new("reports/promotions", "Nav_Promotions", Icons.Material.Outlined.WorkspacePremium, Roles: Features.Reports.PromotionQueries.Viewers),
            new("reports/high-potential", "Nav_HighPotential", Icons.Material.Outlined.Star, Roles: Features.Reports.PromotionQueries.Viewers),
        ]),
        new("Nav_Evaluation",
        [
            new("playground", "Nav_Playground", Icons.Material.Outlined.Calculate),
        ]),
        new("Nav_Data",
        [
            new("import", "Nav_Import", Icons.Material.Outlined.UploadFile, Roles: Roles.Staff),
        ]),
        new("Nav_Administration",
        [
            new("audit", "Nav_Audit", Icons.Material.Outlined.History, Roles: Roles.Staff),
            new("admin/users", "Nav_Users", Icons.Material.Outlined.ManageAccounts, Roles: Roles.Admin),
            new("admin/api-keys", "Nav_ApiKeys", Icons.Material.Outlined.Key, Roles: Roles.Admin),
            new("admin/outbox", "Nav_Outbox", Icons.Material.Outlined.Outbox, Roles: Roles.Admin),
        ]),
    ];
}
