using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>
/// ASVS 2.1.7: refuses passwords that are common or built from the account's own words. Length alone lets
/// <c>password1234</c> or a user name typed twice through, so every new password is scored by zxcvbn (Dropbox's
/// estimator: frequency lists of leaked passwords, names and words, keyboard walks, dates, repeats, l33t) with the
/// account's user name, display name and e-mail and the product's name as extra dictionary words,
/// and must reach <see cref="PasswordPolicy.MinimumGuessability"/>. zxcvbn rather than a list of our own: it is
/// maintained, offline (no password leaves the server) and also catches variations a list would miss.
/// </summary>
public sealed class PasswordGuessabilityValidator(IStringLocalizer<IdentityErrorStrings> text) : IPasswordValidator<UserAccount>
{
    public const string Code = "PasswordTooGuessable";

    private static readonly string[] ProductWords = ["trainingeval", "training", "eval", "培训"];

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success); // the length rule speaks for an empty password
        var score = Score(password, ContextWords(user));
        return Task.FromResult(score >= PasswordPolicy.MinimumGuessability
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = Code, Description = text[Code] }));
    }

    /// <summary>zxcvbn's score, 0 (too guessable) to 4 (very unguessable).</summary>
    public static int Score(string password, IEnumerable<string> contextWords) =>
        Zxcvbn.Zxcvbn.MatchPassword(password, contextWords).Score;

    internal static IEnumerable<string> ContextWords(UserAccount user) =>
        new[] { user.UserName, user.DisplayName, user.Email, user.Email?.Split('@')[0] }
            .Concat(ProductWords)
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => w!.Trim().ToLowerInvariant());
}
