using System.Text.Json.Nodes;
using TrainingEval.Dashboard.Infrastructure.Charts;
using MudTheme = MudBlazor.MudTheme;

namespace TrainingEval.Tests.Infrastructure.Charts;

public class ChartOptionsComposerTests
{
    private static readonly ChartTheme Dark = ChartTheme.From(new MudTheme(), darkMode: true);

    private static JsonNode Compose(ApexChartOptions options, bool animationsOff = false) =>
        JsonNode.Parse(ChartOptionsComposer.Compose(options, new ChartComposition("trend", 240, Dark, "zh-cn", "cohort-trend", animationsOff)))!;

    [Fact]
    public void Settings_the_caller_made_win_over_theme_defaults()
    {
        var json = Compose(new ApexChartOptions
        {
            Chart = new ChartSettings
            {
                Type = ApexChartType.Line,
                ForeColor = "#123456",
                DefaultLocale = "en",
                Toolbar = new ChartToolbar { Export = new ChartExport { Csv = new ChartCsvExport { Filename = "custom-name" } } },
            },
            Colors = ["#ABCDEF"],
            Grid = new ChartGrid { BorderColor = "#654321" },
        });

        json["chart"]!["foreColor"]!.GetValue<string>().ShouldBe("#123456");
        json["chart"]!["defaultLocale"]!.GetValue<string>().ShouldBe("en");
        json["colors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["#ABCDEF"]);
        json["grid"]!["borderColor"]!.GetValue<string>().ShouldBe("#654321");
        json["chart"]!["toolbar"]!["export"]!["csv"]!["filename"]!.GetValue<string>().ShouldBe("custom-name");
        json["chart"]!["toolbar"]!["export"]!["png"]!["filename"]!.GetValue<string>().ShouldBe("cohort-trend");
    }

    [Fact]
    public void Id_height_and_theme_mode_always_come_from_the_component()
    {
        var json = Compose(new ApexChartOptions { Chart = new ChartSettings { Type = ApexChartType.Area } });

        json["chart"]!["id"]!.GetValue<string>().ShouldBe("trend");
        json["chart"]!["height"]!.GetValue<int>().ShouldBe(240);
        json["theme"]!["mode"]!.GetValue<string>().ShouldBe("dark");
        json["colors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(Dark.SeriesColors);
    }

    [Fact]
    public void Annotation_labels_and_donut_slice_borders_take_the_surface_colour()
    {
        var json = Compose(new ApexChartOptions
        {
            Chart = new ChartSettings { Type = ApexChartType.Donut },
            Annotations = new ChartAnnotations { YAxis = [new ChartYAnnotation { Y = 4, Label = new ChartAnnotationLabel { Text = "目标" } }] },
        });

        var style = json["annotations"]!["yaxis"]![0]!["label"]!["style"]!;
        style["background"]!.GetValue<string>().ShouldBe(Dark.SurfaceColor);
        style["color"]!.GetValue<string>().ShouldBe(Dark.TextColor);
        json["stroke"]!["colors"]![0]!.GetValue<string>().ShouldBe(Dark.SurfaceColor);
    }

    [Fact]
    public void Large_series_turn_animations_off()
    {
        var json = Compose(new ApexChartOptions { Chart = new ChartSettings { Animations = new ChartAnimations { Speed = 300 } } }, animationsOff: true);

        json["chart"]!["animations"]!["enabled"]!.GetValue<bool>().ShouldBeFalse();
        json["chart"]!["animations"]!["speed"]!.GetValue<int>().ShouldBe(300);
    }

    [Fact]
    public void Any_chinese_ui_culture_maps_to_the_zh_cn_locale_and_others_to_english()
    {
        ChartTheme.LocaleFor(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("zh-cn");
        ChartTheme.LocaleFor(System.Globalization.CultureInfo.GetCultureInfo("zh-Hans")).ShouldBe("zh-cn");
        ChartTheme.LocaleFor(System.Globalization.CultureInfo.GetCultureInfo("en-US")).ShouldBe("en");
        ChartTheme.LocaleFor(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("en");
    }
}
