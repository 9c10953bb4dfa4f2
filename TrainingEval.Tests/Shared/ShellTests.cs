using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Layout;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Shared;

/// <summary>The shell's navigation and language menu in both languages.</summary>
public sealed class ShellTests : DashboardTestContext
{
    [Theory]
    [InlineData("zh-CN", "评估", "评分演练")]
    [InlineData("en", "Evaluation", "Scoring playground")]
    public void The_drawer_lists_the_playground_under_its_section(string culture, string section, string entry)
    {
        UseCulture(culture);

        var nav = Render<NavMenu>();

        nav.FindAll(".nav-section-title").Select(t => t.TextContent.Trim()).ShouldContain(section);
        var link = nav.Find("a[href='playground']");
        link.TextContent.Trim().ShouldBe(entry);
    }

    [Fact]
    public void Every_navigation_entry_has_a_text_in_both_languages()
    {
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            UseCulture(culture);
            var text = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<TrainingEval.Dashboard.Shared.Localization.SharedStrings>>();
            foreach (var section in NavSections.All)
            {
                text[section.TitleKey].ResourceNotFound.ShouldBeFalse(section.TitleKey);
                foreach (var entry in section.Entries)
                    text[entry.TitleKey].ResourceNotFound.ShouldBeFalse(entry.TitleKey);
            }
        }
    }

    [Fact]
    public void The_language_button_names_the_current_language()
    {
        UseCulture("zh-CN");

        var menu = Render<LanguageMenu>();

        menu.Find("[data-testid=language-menu]").TextContent.ShouldContain("中文（简体）");
    }

    [Theory]
    [InlineData("analyst", "")]
    [InlineData("mentor", "mentor")]
    [InlineData("learner", "me")]
    public void The_brand_leads_each_role_to_its_own_start_page(string who, string href)
    {
        UseCulture("en");
        var user = who switch
        {
            "mentor" => TestUsers.Mentor(7),
            "learner" => TestUsers.Learner(9),
            _ => TestUsers.Analyst,
        };
        Services.AddScoped<ICurrentUser>(_ => new FixedCurrentUser(user));

        var brand = Render<Brand>();

        brand.Find("[data-testid=brand]").GetAttribute("href").ShouldBe(href);
        // Its name is the text it shows (no aria-label that could differ from it, axe label-content-name-mismatch).
        brand.Find("[data-testid=brand]").HasAttribute("aria-label").ShouldBeFalse();
        brand.Find("[data-testid=brand] .brand-name").TextContent.ShouldBe("TrainingEval");
    }

    [Theory]
    [InlineData("en", "Zhang Wei")]
    [InlineData("zh-CN", "张伟")]
    public void The_signed_in_user_is_named_in_the_readers_language(string culture, string name)
    {
        UseCulture(culture);
        Authorization.SetClaims(
            new System.Security.Claims.Claim(TrainingEvalClaims.DisplayName, "张伟"),
            new System.Security.Claims.Claim(TrainingEvalClaims.DisplayNameEn, "Zhang Wei"));

        var menu = Render<UserMenu>();

        menu.Find("[data-testid=user-button] button").TextContent.Trim().ShouldBe(name);
    }
}
