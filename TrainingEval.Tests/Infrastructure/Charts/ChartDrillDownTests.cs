using System.Globalization;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>
/// Issue 21 item 1, the wrapper's half: a point's or slice's link stays on the server (only app-relative ones are
/// accepted), the module gets the component to report clicks to, a reported click opens that point's link, and the chart's
/// data table links its rows (or cells) to the same places for the keyboard.
/// </summary>
public sealed class ChartDrillDownTests : ChartComponentTest
{
    private static readonly ApexChartOptions Bars = new()
    {
        Chart = new ChartSettings { Type = ApexChartType.Bar },
        XAxis = new ChartXAxis { Categories = ["Wang Fang", "Li Wei", "Zhao Min"] },
    };

    private static IReadOnlyList<ChartSeries> Ranking() =>
    [
        new ChartSeries { Name = "Reaction", Data = [ChartPoint.Of(20), ChartPoint.Of(18), ChartPoint.Of(15)] }.LinkPoints(i => i < 2 ? $"learners/E{i + 1}" : null),
        new ChartSeries { Name = "Learning", Data = [ChartPoint.Of(40), ChartPoint.Of(35), ChartPoint.Of(30)] }.LinkPoints(i => i < 2 ? $"learners/E{i + 1}" : null),
    ];

    [Theory]
    [InlineData("cohorts/LEAN-2025-03")]
    [InlineData("/learners/E1001")]
    [InlineData("cohorts/LEAN?tier=D#learners")]
    [InlineData("cohorts?program=LEAN&from=2025-01-01")]
    public void App_relative_links_are_accepted(string href) =>
        (ChartPoint.Of(1) with { Href = href }).Href.ShouldBe(href);

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)//cohorts")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData(" cohorts/A")]
    [InlineData("cohorts/A\n")]
    [InlineData("")]
    public void Links_that_could_leave_the_app_are_refused_naming_the_value(string href)
    {
        var error = Should.Throw<ArgumentException>(() => ChartPoint.Of(1) with { Href = href });
        error.Message.ShouldContain($"\"{href}\"");
    }

    [Fact]
    public void A_link_is_not_sent_with_the_data()
    {
        var linked = JsonSerializer.Serialize(new[] { ChartPoint.Of(4.2) with { Href = "cohorts/A" }, ChartPoint.Of("B", 3) with { Href = "cohorts/B" } }, ChartJson.Options);
        linked.ShouldBe("[4.2,{\"x\":\"B\",\"y\":3}]");
    }

    [Fact]
    public void A_click_reported_by_the_module_opens_that_points_link_and_nothing_else()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var chart = Context.Render<ApexChart>(p => p.Add(c => c.Id, "ranking").Add(c => c.Options, Bars).Add(c => c.Series, Ranking()));
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        var start = navigation.Uri;

        chart.Find("#ranking").ClassList.ShouldContain("te-chart--links");
        var reporter = Calls("create").ShouldHaveSingleItem().Arguments[4].ShouldBeOfType<DotNetObjectReference<ApexChart>>();
        reporter.Value.ShouldBeSameAs(chart.Instance);

        chart.InvokeAsync(() => chart.Instance.SelectPoint(1, 1));
        navigation.Uri.ShouldBe(navigation.BaseUri + "learners/E2");

        // A point without a link, and indices the chart does not have, go nowhere.
        foreach (var (series, point) in new[] { (0, 2), (2, 0), (0, 3), (-1, 0), (0, -1) })
        {
            chart.InvokeAsync(() => chart.Instance.SelectPoint(series, point));
            navigation.Uri.ShouldBe(navigation.BaseUri + "learners/E2", $"series {series}, point {point}");
        }
        start.ShouldNotBe(navigation.Uri);
    }

    [Fact]
    public void A_chart_without_links_has_no_pointer_and_its_table_no_links()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var chart = Context.Render<ApexChart>(p => p.Add(c => c.Id, "plain").Add(c => c.Options, Bars)
            .Add(c => c.Series, [new ChartSeries { Name = "Composite", Data = [ChartPoint.Of(60), ChartPoint.Of(55), ChartPoint.Of(50)] }]));
        chart.Find("#plain").ClassList.ShouldNotContain("te-chart--links");
        chart.Find("[data-testid=chart-table-toggle]").Click();
        chart.FindAll("[data-testid=chart-table-link]").ShouldBeEmpty();
    }

    [Fact]
    public void Slices_open_their_own_links_and_their_rows_link_to_them()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var chart = Context.Render<ApexChart>(p => p.Add(c => c.Id, "tiers")
            .Add(c => c.Options, new ApexChartOptions { Chart = new ChartSettings { Type = ApexChartType.Donut }, Labels = ["A", "B", "No score"] })
            .Add(c => c.Values, [12, 30, 4])
            .Add(c => c.SliceHrefs, ["cohorts/X?tier=A", "cohorts/X?tier=B", null]));
        var navigation = Context.Services.GetRequiredService<NavigationManager>();

        chart.InvokeAsync(() => chart.Instance.SelectPoint(0, 1));
        navigation.Uri.ShouldBe(navigation.BaseUri + "cohorts/X?tier=B");

        chart.Find("[data-testid=chart-table-toggle]").Click();
        chart.FindAll("[data-testid=chart-table-link]").Select(a => $"{a.TextContent} → {a.GetAttribute("href")}")
            .ShouldBe(["A → cohorts/X?tier=A", "B → cohorts/X?tier=B"]);
    }

    [Fact]
    public void Slice_links_are_checked_and_belong_to_slices_only()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var donut = new ApexChartOptions { Chart = new ChartSettings { Type = ApexChartType.Donut }, Labels = ["A"] };
        Should.Throw<ArgumentException>(() => Context.Render<ApexChart>(p => p.Add(c => c.Id, "bad").Add(c => c.Options, donut)
            .Add(c => c.Values, [1]).Add(c => c.SliceHrefs, ["https://evil.example"])));
        Should.Throw<InvalidOperationException>(() => Context.Render<ApexChart>(p => p.Add(c => c.Id, "mixed").Add(c => c.Options, Bars)
            .Add(c => c.Series, Ranking()).Add(c => c.SliceHrefs, ["cohorts/A"])));
    }

    [Fact]
    public void The_table_links_a_rows_label_when_its_points_share_a_link_and_each_cell_when_they_do_not()
    {
        var english = CultureInfo.GetCultureInfo("en");
        var shared = ChartDataTable.Of(Bars, Ranking(), null, english);
        shared.Rows.Select(r => r.Href).ShouldBe(["learners/E1", "learners/E2", null]);
        shared.Rows.ShouldAllBe(r => r.CellHrefs == null);

        // One series per cohort (the compare page): a level's row holds both cohorts, so each cell links to its own.
        var perCohort = ChartDataTable.Of(new ApexChartOptions { XAxis = new ChartXAxis { Categories = ["Composite", "Reaction"] } },
        [
            new ChartSeries { Name = "LEAN-1", Data = [ChartPoint.Of(60), ChartPoint.Of(70)] }.LinkPoints(_ => "cohorts/LEAN-1"),
            new ChartSeries { Name = "LEAN-2", Data = [ChartPoint.Of(55), ChartPoint.Of(null)] }.LinkPoints(_ => "cohorts/LEAN-2"),
        ], null, english);
        perCohort.Rows.ShouldAllBe(r => r.Href == null);
        perCohort.Rows[0].CellHrefs.ShouldBe(["cohorts/LEAN-1", "cohorts/LEAN-2"]);

        Module.Setup<bool>("create", _ => true).SetResult(true);
        var chart = Context.Render<ApexChart>(p => p.Add(c => c.Id, "levels")
            .Add(c => c.Options, new ApexChartOptions { XAxis = new ChartXAxis { Categories = ["Composite", "Reaction"] } })
            .Add(c => c.Series,
            [
                new ChartSeries { Name = "LEAN-1", Data = [ChartPoint.Of(60), ChartPoint.Of(70)] }.LinkPoints(_ => "cohorts/LEAN-1"),
                new ChartSeries { Name = "LEAN-2", Data = [ChartPoint.Of(55), ChartPoint.Of(null)] }.LinkPoints(_ => "cohorts/LEAN-2"),
            ]));
        chart.Find("[data-testid=chart-table-toggle]").Click();
        chart.FindAll("td [data-testid=chart-table-link]").Select(a => $"{a.GetAttribute("aria-label")} → {a.GetAttribute("href")}").ShouldBe(
        [
            "Composite, LEAN-1: 60 → cohorts/LEAN-1",
            "Composite, LEAN-2: 55 → cohorts/LEAN-2",
            "Reaction, LEAN-1: 70 → cohorts/LEAN-1",
            "Reaction, LEAN-2: — → cohorts/LEAN-2",
        ]);
    }
}
