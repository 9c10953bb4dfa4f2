using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.JSInterop;
using MudBlazor.Utilities;
using TrainingEval.Dashboard.Infrastructure.Charts;
using MudTheme = MudBlazor.MudTheme;

namespace TrainingEval.Tests.Infrastructure.Charts;

public class ApexChartInteropTests : ChartComponentTest
{
    private static readonly ApexChartOptions BarOptions = new()
    {
        Chart = new ChartSettings { Type = ApexChartType.Bar },
        XAxis = new ChartXAxis { Categories = ["反应", "学习"] },
    };

    private static IReadOnlyList<ChartSeries> Scores(double reaction, double learning) =>
        [new ChartSeries { Name = "Cohort A", Data = [ChartPoint.Of(reaction), ChartPoint.Of(learning)] }];

    private IRenderedComponent<ApexChart> RenderBar(IReadOnlyList<ChartSeries> series, bool darkMode = false) =>
        Context.Render<ApexChart>(p => p
            .Add(c => c.Id, "cohort-scores")
            .Add(c => c.Options, BarOptions)
            .Add(c => c.Series, series)
            .Add(c => c.DarkMode, darkMode));

    [Fact]
    public void Create_receives_the_composed_options_and_series_json()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            Context.Render<ApexChart>(p => p
                .Add(c => c.Id, "cohort-scores")
                .Add(c => c.Options, BarOptions)
                .Add(c => c.Series, Scores(4.2, 3.5))
                .Add(c => c.Palette, ["#112233", "#445566"])
                .Add(c => c.Height, 280)
                .Add(c => c.ExportFileName, "cohort-a-scores"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var create = Calls("create").ShouldHaveSingleItem();
        create.Arguments[1].ShouldBeOfType<string>().ShouldNotBeEmpty();
        var light = new MudTheme().PaletteLight;
        var fore = light.TextSecondary.ToString(MudColorOutputFormats.RGBA);
        var grid = light.LinesDefault.ToString(MudColorOutputFormats.RGBA);
        var surface = light.Surface.ToString(MudColorOutputFormats.RGBA);
        var font = string.Join(", ", new MudTheme().Typography.Default.FontFamily!);
        create.Arguments[2].ShouldBe(
            "{\"chart\":{\"type\":\"bar\",\"id\":\"cohort-scores\",\"height\":280," +
            $"\"foreColor\":\"{fore}\",\"background\":\"transparent\",\"fontFamily\":\"{font}\",\"defaultLocale\":\"en\"," +
            "\"toolbar\":{\"show\":true,\"tools\":{\"download\":true},\"export\":{" +
            "\"csv\":{\"filename\":\"cohort-a-scores\"},\"svg\":{\"filename\":\"cohort-a-scores\"},\"png\":{\"filename\":\"cohort-a-scores\"}}}}," +
            "\"xaxis\":{\"categories\":[\"反应\",\"学习\"]}," +
            "\"colors\":[\"#112233\",\"#445566\"],\"theme\":{\"mode\":\"light\"},\"tooltip\":{\"theme\":\"light\"}," +
            $"\"grid\":{{\"borderColor\":\"{grid}\"}},\"markers\":{{\"strokeColors\":\"{surface}\"}}}}");
        create.Arguments[3].ShouldBe("[{\"name\":\"Cohort A\",\"data\":[4.2,3.5]}]");
    }

    [Fact]
    public void Changing_the_series_calls_updateSeries_with_the_new_data_and_never_creates_again()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("updateSeries", _ => true).SetVoidResult();
        var cut = RenderBar(Scores(4.2, 3.5));

        cut.Render(p => p.Add(c => c.Series, Scores(1.5, 2.5)));

        CallsMade().ShouldBe(["create", "updateSeries"]);
        var update = Calls("updateSeries").ShouldHaveSingleItem();
        update.Arguments[0].ShouldBe(Calls("create").Single().Arguments[1], "the chart this component created");
        update.Arguments[1].ShouldBe("[{\"name\":\"Cohort A\",\"data\":[1.5,2.5]}]");
    }

    [Fact]
    public void Re_rendering_with_equal_data_sends_nothing()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var cut = RenderBar(Scores(4.2, 3.5));

        cut.Render(p => p.Add(c => c.Series, Scores(4.2, 3.5)));

        CallsMade().ShouldBe(["create"]);
    }

    [Fact]
    public void Switching_to_dark_mode_recolours_the_chart_in_place_with_updateOptions()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("updateOptions", _ => true).SetVoidResult();
        var cut = RenderBar(Scores(4.2, 3.5));

        cut.Render(p => p.Add(c => c.DarkMode, true));

        CallsMade().ShouldBe(["create", "updateOptions"]);
        var update = Calls("updateOptions").ShouldHaveSingleItem();
        var options = JsonNode.Parse((string)update.Arguments[1]!)!;
        var dark = new MudTheme().PaletteDark;
        options["theme"]!["mode"]!.GetValue<string>().ShouldBe("dark");
        options["tooltip"]!["theme"]!.GetValue<string>().ShouldBe("dark");
        options["chart"]!["foreColor"]!.GetValue<string>().ShouldBe(dark.TextSecondary.ToString(MudColorOutputFormats.RGBA));
        options["colors"]![0]!.GetValue<string>().ShouldBe(dark.Primary.ToString(MudColorOutputFormats.Hex));
        update.Arguments[2].ShouldBeNull("the series did not change, so they are not sent again");
    }

    [Fact]
    public void Options_and_series_changing_together_are_sent_in_one_updateOptions()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("updateOptions", _ => true).SetVoidResult();
        var cut = RenderBar(Scores(4.2, 3.5));

        cut.Render(p => p
            .Add(c => c.DarkMode, true)
            .Add(c => c.Series, Scores(1, 2)));

        CallsMade().ShouldBe(["create", "updateOptions"]);
        Calls("updateOptions").ShouldHaveSingleItem().Arguments[2].ShouldBe("[{\"name\":\"Cohort A\",\"data\":[1,2]}]");
    }

    [Fact]
    public async Task Disposal_destroys_the_chart()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("destroy", _ => true).SetVoidResult();
        RenderBar(Scores(4.2, 3.5));

        await Context.DisposeComponentsAsync();

        var destroy = Calls("destroy").ShouldHaveSingleItem();
        destroy.Arguments[0].ShouldBe(Calls("create").Single().Arguments[1]);
    }

    [Fact]
    public async Task A_chart_the_browser_did_not_create_because_its_element_was_gone_is_not_destroyed()
    {
        Module.Setup<bool>("create", _ => true).SetResult(false);
        var cut = RenderBar(Scores(4.2, 3.5));

        await cut.Instance.DisposeAsync();

        CallsMade().ShouldBe(["create"]);
    }

    [Fact]
    public async Task Two_charts_with_the_same_id_never_destroy_each_other()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("destroy", _ => true).SetVoidResult();
        var leaving = RenderBar(Scores(4.2, 3.5));
        RenderBar(Scores(1, 2));

        await leaving.Instance.DisposeAsync();

        var handles = Calls("create").Select(c => c.Arguments[1]).ToList();
        handles.Distinct().Count().ShouldBe(2);
        Calls("destroy").ShouldHaveSingleItem().Arguments[0].ShouldBe(handles[0]);
    }

    [Fact]
    public async Task Disposal_after_the_circuit_dropped_swallows_JSDisconnectedException()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        RenderBar(Scores(4.2, 3.5));

        await Should.NotThrowAsync(() => Context.DisposeComponentsAsync());

        Calls("destroy").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Navigating_away_while_the_chart_is_still_being_created_destroys_it_once_created()
    {
        var create = Module.Setup<bool>("create", _ => true);
        Module.SetupVoid("destroy", _ => true).SetVoidResult();
        RenderBar(Scores(4.2, 3.5));

        var disposal = Context.DisposeComponentsAsync();
        Calls("destroy").ShouldBeEmpty("destroy must wait for the pending create");
        create.SetResult(true);
        await disposal;

        Calls("destroy").ShouldHaveSingleItem().Arguments[0].ShouldBe(Calls("create").Single().Arguments[1]);
    }

    [Fact]
    public void A_new_id_replaces_the_chart_because_apexcharts_cannot_rename_one()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        Module.SetupVoid("destroy", _ => true).SetVoidResult();
        var cut = RenderBar(Scores(4.2, 3.5));

        cut.Render(p => p.Add(c => c.Id, "cohort-scores-2"));

        CallsMade().ShouldBe(["create", "create", "destroy"]);
        Calls("create")[1].Arguments[1].ShouldBe(Calls("create")[0].Arguments[1], "the component keeps its handle");
        JsonNode.Parse((string)Calls("create")[1].Arguments[2]!)!["chart"]!["id"]!.GetValue<string>().ShouldBe("cohort-scores-2");
    }

    [Fact]
    public void A_chinese_ui_culture_selects_the_zh_cn_locale()
    {
        Module.Setup<bool>("create", _ => true).SetResult(true);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            RenderBar(Scores(4.2, 3.5));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var options = JsonNode.Parse((string)Calls("create").ShouldHaveSingleItem().Arguments[2]!)!;
        options["chart"]!["defaultLocale"]!.GetValue<string>().ShouldBe("zh-cn");
    }

    [Fact]
    public void Series_and_values_together_are_rejected_with_a_clear_message()
    {
        var ex = Should.Throw<InvalidOperationException>(() => Context.Render<ApexChart>(p => p
            .Add(c => c.Id, "both")
            .Add(c => c.Options, BarOptions)
            .Add(c => c.Series, Scores(1, 2))
            .Add(c => c.Values, [1.0, 2.0])));

        ex.Message.ShouldContain("either Series");
    }
}
