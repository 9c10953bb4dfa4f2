namespace TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

/// <summary>
/// A page with its filters saved under a name (issue 21 item 3): private to its owner, or shared with everyone in one
/// role. It stores the app-relative address of the view (path and query), so opening it is opening that link; the page
/// itself still checks what the opener may see.
/// </summary>
public sealed class SavedView : IAudited
{
    public const int NameMaxLength = 80;
    public const int PathMaxLength = 200;
    public const int QueryMaxLength = 1000;

    public int Id { get; set; }
    public required string OwnerUserId { get; set; }

    /// <summary>The owner's display name when saved, shown to the people it is shared with.</summary>
    public required string OwnerName { get; set; }
    public required string Name { get; set; }

    /// <summary>The page's path without query, e.g. <c>reports/high-potential</c>: the views of a page are listed on it.</summary>
    public required string Path { get; set; }

    /// <summary>The query with its leading '?', or "" for the page without filters.</summary>
    public string Query { get; set; } = "";

    /// <summary>A role (<see cref="Security.Roles"/>) whose members see the view too; null for a private view.</summary>
    public string? SharedWithRole { get; set; }
    public DateTime CreatedAt { get; set; }

    public string Url => Path + Query;
}
