using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrainingEval.Dashboard.Infrastructure.Security;

namespace TrainingEval.Tests.Infrastructure.Security;

/// <summary>Identity's error messages come in the user's language, with Identity's own codes.</summary>
public sealed class LocalizedIdentityErrorDescriberTests
{
    private static LocalizedIdentityErrorDescriber Describer()
    {
        var services = new ServiceCollection();
        services.AddLocalization();
        services.AddLogging();
        var provider = services.BuildServiceProvider();
        return new LocalizedIdentityErrorDescriber(provider.GetRequiredService<IStringLocalizer<IdentityErrorStrings>>(), Options.Create(new IdentityOptions()));
    }

    private static IdentityError In(string culture, Func<IdentityErrorDescriber, IdentityError> make)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return make(Describer());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Theory]
    [InlineData("zh-CN", "密码：至少需要 12 个字符。")]
    [InlineData("en", "Password: at least 12 characters.")]
    public void The_password_length_rule_is_in_the_users_language(string culture, string expected)
    {
        var error = In(culture, d => d.PasswordTooShort(12));

        error.Description.ShouldBe(expected);
        error.Code.ShouldBe(new IdentityErrorDescriber().PasswordTooShort(12).Code);
    }

    [Theory]
    [InlineData("zh-CN", "用户名：“hr-lead”已被使用。")]
    [InlineData("en", "User name: 'hr-lead' is already taken.")]
    public void A_taken_user_name_is_named_in_the_users_language(string culture, string expected) =>
        In(culture, d => d.DuplicateUserName("hr-lead")).Description.ShouldBe(expected);

    [Fact]
    public void An_invalid_user_name_lists_the_symbols_the_configuration_allows()
    {
        var error = In("zh-CN", d => d.InvalidUserName("张三"));

        error.Description.ShouldStartWith("用户名：“张三”不可用");
        error.Description.ShouldEndWith("- . _ @ +");
        error.Code.ShouldBe(nameof(IdentityErrorDescriber.InvalidUserName));
    }

    public static TheoryData<string> Cultures => ["zh-CN", "en"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_message_has_a_text_of_its_own_in_each_language(string culture)
    {
        var errors = AllErrors(culture);

        errors.Select(e => e.Code).Distinct().Count().ShouldBe(errors.Count);
        foreach (var error in errors)
        {
            // A missing resource would come back as its key, i.e. the code.
            error.Description.ShouldNotBe(error.Code, $"{error.Code} has no {culture} text");
            if (culture == "zh-CN")
                error.Description.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", $"{error.Code} is not in Chinese");
            else
                error.Description.ShouldNotMatch(@"\p{IsCJKUnifiedIdeographs}", $"{error.Code} is not in English");
        }
    }

    private static List<IdentityError> AllErrors(string culture) =>
    [
        In(culture, d => d.DefaultError()),
        In(culture, d => d.ConcurrencyFailure()),
        In(culture, d => d.PasswordMismatch()),
        In(culture, d => d.InvalidToken()),
        In(culture, d => d.RecoveryCodeRedemptionFailed()),
        In(culture, d => d.LoginAlreadyAssociated()),
        In(culture, d => d.InvalidUserName("x y")),
        In(culture, d => d.InvalidEmail("x")),
        In(culture, d => d.DuplicateUserName("x")),
        In(culture, d => d.DuplicateEmail("x")),
        In(culture, d => d.InvalidRoleName("x")),
        In(culture, d => d.DuplicateRoleName("x")),
        In(culture, d => d.UserAlreadyHasPassword()),
        In(culture, d => d.UserLockoutNotEnabled()),
        In(culture, d => d.UserAlreadyInRole("x")),
        In(culture, d => d.UserNotInRole("x")),
        In(culture, d => d.PasswordTooShort(12)),
        In(culture, d => d.PasswordRequiresUniqueChars(4)),
        In(culture, d => d.PasswordRequiresNonAlphanumeric()),
        In(culture, d => d.PasswordRequiresDigit()),
        In(culture, d => d.PasswordRequiresLower()),
        In(culture, d => d.PasswordRequiresUpper()),
    ];
}
