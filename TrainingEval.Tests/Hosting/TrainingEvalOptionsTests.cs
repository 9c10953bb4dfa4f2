using TrainingEval.Dashboard.Hosting;

namespace TrainingEval.Tests.Hosting;

/// <summary>Culture settings that cannot work are refused at start-up with a message saying what is wrong.</summary>
public sealed class TrainingEvalOptionsTests
{
    private static TrainingEvalOptions Options(string defaultCulture, params string[] supported)
    {
        var options = new TrainingEvalOptions { DefaultCulture = defaultCulture };
        foreach (var culture in supported)
            options.SupportedCultures.Add(culture);
        return options;
    }

    [Fact]
    public void The_shipped_settings_are_valid() =>
        Options("zh-CN", "zh-CN", "en").Problem().ShouldBeNull();

    [Fact]
    public void A_default_outside_the_supported_cultures_is_named() =>
        Options("fr", "zh-CN", "en").Problem().ShouldBe("TrainingEval:DefaultCulture 'fr' is not one of SupportedCultures (zh-CN, en).");

    [Fact]
    public void An_unknown_culture_is_named() =>
        Options("en", "en", "xx-nope").Problem().ShouldBe("TrainingEval: 'xx-nope' is not a culture this machine knows.");

    [Fact]
    public void No_supported_culture_is_refused() =>
        Options("en").Problem().ShouldBe("TrainingEval:SupportedCultures must name at least one culture.");
}
