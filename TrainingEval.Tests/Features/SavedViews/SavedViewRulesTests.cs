using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Features.SavedViews;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Features.SavedViews;

/// <summary>What a saved view may hold: only pages of this app, a name, a role it can be shared with — in both languages.</summary>
public sealed class SavedViewRulesTests
{
    private static SavedViewInputValidator Validator() => new(new ServiceCollection().AddLocalization().AddLogging().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SavedViewStrings>>());

    [Theory]
    [InlineData("reports/high-potential?department=PRD1", true)]
    [InlineData("/learners?q=peng%20zhi", true)]
    [InlineData("https://evil.example/learners", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("\\\\server\\share", false)]
    [InlineData("", false)]
    public void Only_addresses_of_this_app_are_views(string url, bool expected) => SavedViewAddress.IsAppRelative(url).ShouldBe(expected);

    [Fact]
    public void An_address_splits_into_the_page_and_its_query_without_a_fragment()
    {
        SavedViewAddress.Split("/reports/high-potential?department=PRD1#top").ShouldBe(("reports/high-potential", "?department=PRD1"));
        SavedViewAddress.Split("learners").ShouldBe(("learners", ""));
        SavedViewAddress.Split("").ShouldBe(("/", ""));
    }

    [Theory]
    [InlineData("en", "Give the view a name.", "“https://x.example/” is not a page of this app.", "“Learner” is not a role a view can be shared with.")]
    [InlineData("zh-CN", "请为视图命名。", "“https://x.example/”不是本系统的页面。", "“Learner”不是可共享的角色。")]
    public void Bad_input_is_refused_with_a_message_that_names_the_value(string culture, string noName, string badUrl, string badRole)
    {
        using var scope = new CultureScope(culture);

        var errors = Validator().Validate(new SavedViewInput("  ", "https://x.example/", "Learner")).Errors.Select(e => e.ErrorMessage).ToList();

        errors.ShouldBe([noName, badUrl, badRole], ignoreOrder: true);
        Validator().Validate(new SavedViewInput(new string('视', 81), "learners", null)).Errors.Single().ErrorMessage
            .ShouldBe(culture == "en" ? "The name may have at most 80 characters; it has 81." : "名称最多 80 个字符，当前为 81 个。");
        Validator().Validate(new SavedViewInput("PRD1", "learners?q=a", "Executive")).IsValid.ShouldBeTrue();
    }
}
