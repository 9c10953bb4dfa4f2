using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using TrainingEval.Dashboard.Components.Mentor;
using TrainingEval.Dashboard.Data;
using TrainingEval.Dashboard.Data.Ratings;
using TrainingEval.Dashboard.Security;
using TrainingEval.Tests.Data;
using TrainingEval.Tests.Infrastructure;

namespace TrainingEval.Tests.Dashboard.Mentoring;

/// <summary>The rating dialog: previous ratings beside each dimension, validation through MudForm, the concurrency conflict.</summary>
public sealed class RatingDialogTests : DashboardTestContext, IAsyncLifetime
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private Services _services = null!;

    public async ValueTask InitializeAsync()
    {
        UseCulture("en");
        _database = await TestDatabase.CreateAsync(new FixedClock(new DateTime(2026, 4, 1, 12, 0, 0)));
        _data = await TestData.CreateAsync(_database, learners: 1);
        _services = new Services(_database);
        var mentor = new UserContext("wang", new HashSet<string> { Roles.Mentor }, null, _data.Mentor.Id);
        _services.User = mentor;
        Services.AddSingleton(_services.Ratings);
        Services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(mentor));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<RatingDialog>
        {
            { d => d.EnrollmentId, _data[0].Id }, { d => d.MentorId, _data.Mentor.Id },
            { d => d.LearnerName, "学员1" }, { d => d.CohortCode, "LEAN-1" },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<RatingDialog>("rate", parameters));
        provider.WaitForElement("[data-testid=rating-save]");
        return provider;
    }

    [Fact]
    public async Task Shows_the_previous_rating_beside_each_dimension()
    {
        await _services.Ratings.RecordAsync(new RatingInput(_data[0].Id, _data.Mentor.Id, "attitude", 4, null), 0, Ct);
        var dialog = await OpenAsync();
        dialog.Find("[data-dimension=attitude] [data-testid=rating-previous]").TextContent.Trim().ShouldBe("Previous: 4");
        dialog.Find("[data-dimension=initiative] [data-testid=rating-previous]").TextContent.Trim().ShouldBe("Not rated yet");
    }
}
