using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Dashboard.Features.SavedViews;

/// <summary>What a user asks to save: a name, the view's app-relative address (path and query), and a role to share it with (null: private).</summary>
public sealed record SavedViewInput(string? Name, string? Url, string? SharedWithRole);

/// <summary>A saved view as listed: <see cref="IsMine"/> says whether the reader may delete it.</summary>
public sealed record SavedViewRow(int Id, string Name, string Path, string Url, string? SharedWithRole, string OwnerName, bool IsMine, DateTime CreatedAt);

/// <summary>The roles a view can be shared with, in the order the form offers them.</summary>
public static class SavedViewRoles
{
    public static IReadOnlyList<string> Shareable { get; } = [Roles.HrAnalyst, Roles.Executive, Roles.Mentor, Roles.Admin];

    /// <summary>Who keeps views: HR, executives, admins and mentors (the people who filter lists).</summary>
    public const string Users = Roles.ReadersAndMentors;
}

public sealed class SavedViewInputValidator : AbstractValidator<SavedViewInput>
{
    public SavedViewInputValidator(IStringLocalizer<SavedViewStrings> text)
    {
        RuleFor(v => v.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => text["Valid_NameRequired"]);
        RuleFor(v => v.Name).Must(n => n is null || n.Trim().Length <= SavedView.NameMaxLength)
            .WithMessage((_, n) => text["Valid_NameLength", SavedView.NameMaxLength, n?.Trim().Length ?? 0]);
        RuleFor(v => v.Url).Must(SavedViewAddress.IsAppRelative).WithMessage((_, u) => text["Valid_Url", u ?? ""]);
        RuleFor(v => v.Url).Must(u => u is null || !SavedViewAddress.IsAppRelative(u) || SavedViewAddress.Split(u).Path.Length <= SavedView.PathMaxLength && SavedViewAddress.Split(u).Query.Length <= SavedView.QueryMaxLength)
            .WithMessage(_ => text["Valid_UrlLength", SavedView.QueryMaxLength]);
        RuleFor(v => v.SharedWithRole).Must(r => r is null || SavedViewRoles.Shareable.Contains(r))
            .WithMessage((_, r) => text["Valid_Role", r ?? ""]);
    }
}

/// <summary>Address rules of a saved view: only pages of this app, never another site.</summary>
public static class SavedViewAddress
{
    /// <summary>True for "learners?q=peng" and "/reports/high-potential": a path of this app, not "https://…", "//host" or "javascript:".</summary>
    public static bool IsAppRelative(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('\\') || trimmed.Contains("://", StringComparison.Ordinal))
            return false;
        var path = Split(trimmed).Path;
        return path.Length > 0 && !path.Contains(':', StringComparison.Ordinal) && Uri.IsWellFormedUriString(trimmed.TrimStart('/'), UriKind.Relative);
    }

    /// <summary>The path without a leading '/' and the query with its '?' ("" when none); a fragment is dropped.</summary>
    public static (string Path, string Query) Split(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();
        var hash = trimmed.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
            trimmed = trimmed[..hash];
        var question = trimmed.IndexOf('?', StringComparison.Ordinal);
        var path = (question >= 0 ? trimmed[..question] : trimmed).Trim('/');
        var query = question >= 0 && question < trimmed.Length - 1 ? trimmed[question..] : "";
        return (path.Length == 0 ? "/" : path, query);
    }
}

/// <summary>
/// Saved views (issue 21 item 3): a user saves the page they are on with its filters under a name, privately or shared
/// with a role; the views of a page are listed on it for their owner and for everyone in the role; only the owner deletes
/// one. Audited like every record.
/// </summary>
public sealed class SavedViewService(IDbContextFactory<TrainingDbContext> factory, ICurrentUser currentUser, IValidator<SavedViewInput> validator, TimeProvider clock)
{
    /// <summary>The views of one page the signed-in user sees (theirs, and those shared with one of their roles), by name.</summary>
    public Task<IReadOnlyList<SavedViewRow>> ForPageAsync(string path, CancellationToken cancellationToken = default) =>
        ListAsync(SavedViewAddress.Split(path ?? "").Path, cancellationToken);

    /// <summary>Every view the signed-in user sees, on any page.</summary>
    public Task<IReadOnlyList<SavedViewRow>> AllAsync(CancellationToken cancellationToken = default) => ListAsync(null, cancellationToken);

    private async Task<IReadOnlyList<SavedViewRow>> ListAsync(string? path, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync();
        if (user.UserId is not { } userId || !SavedViewRoles.Users.Split(',').Any(user.IsInRole))
            return [];
        var roles = SavedViewRoles.Shareable.Where(user.IsInRole).ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var views = db.SavedViews.AsNoTracking().Where(v => v.OwnerUserId == userId || (v.SharedWithRole != null && roles.Contains(v.SharedWithRole)));
        if (path is not null)
            views = views.Where(v => v.Path == path);
        var rows = await views.OrderBy(v => v.Path).ThenBy(v => v.Name).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(v => new SavedViewRow(v.Id, v.Name, v.Path, v.Url, v.SharedWithRole, v.OwnerName, v.OwnerUserId == userId, v.CreatedAt))];
    }

    /// <summary>Saves a view of the signed-in user; refuses a name they already gave a view of the same page.</summary>
    public async Task<SavedViewRow> SaveAsync(SavedViewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.GetAsync();
        if (user.UserId is not { } userId || !SavedViewRoles.Users.Split(',').Any(user.IsInRole))
            throw new AccessDeniedException("saved views");
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
            throw new DataValidationException(validation.Errors.ConvertAll(e => e.ErrorMessage));
        var (path, query) = SavedViewAddress.Split(input.Url!);
        var name = input.Name!.Trim();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.SavedViews.AnyAsync(v => v.OwnerUserId == userId && v.Path == path && v.Name == name, cancellationToken))
            throw new DuplicateViewNameException(name);
        var view = new SavedView
        {
            OwnerUserId = userId, OwnerName = user.Name, Name = name, Path = path, Query = query, SharedWithRole = input.SharedWithRole,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedViewRow(view.Id, view.Name, view.Path, view.Url, view.SharedWithRole, view.OwnerName, true, view.CreatedAt);
    }

    /// <summary>Deletes one of the signed-in user's own views; false when it is gone already.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (view is null)
            return false;
        if (view.OwnerUserId != user.UserId)
            throw new AccessDeniedException($"{view.OwnerName}'s view {view.Id}");
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The user already has a view of that name on the page.</summary>
public sealed class DuplicateViewNameException(string name) : DataWriteException($"A view named “{name}” of this page exists already.")
{
    public string Name { get; } = name;
}
