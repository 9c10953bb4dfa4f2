using TrainingEval.Dashboard.Features.Learners;

namespace TrainingEval.Dashboard.Infrastructure.Files;

/// <summary>Every row of a paged list query, for an export of the whole filter rather than the page on screen.</summary>
public static class ExportPaging
{
    /// <summary>
    /// Reads page after page at the largest page size through the page's own query (so its access rules
    /// apply) until the last page.
    /// </summary>
    public static async Task<List<T>> AllAsync<T>(Func<int, Task<PagedResult<T>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = new List<T>();
        for (var number = 1; ; number++)
        {
            var result = await page(number);
            rows.AddRange(result.Items);
            if (number >= result.PageCount || result.Items.Count == 0)
                return rows;
        }
    }
}
