using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;
using TrainingEval.Dashboard.Infrastructure.Security;
using TrainingEval.Dashboard.Shared.Localization;

namespace TrainingEval.Dashboard.Features.Admin;

/// <summary>The admin's "new account" form.</summary>
public sealed class NewUserInput
{
    public const int UserNameMaxLength = 50;

    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public IReadOnlyCollection<string> Roles { get; set; } = [];
    public string? LearnerEmployeeNumber { get; set; }
    public string? MentorEmployeeNumber { get; set; }

    public NewUser ToNewUser() => new(UserName!.Trim(), DisplayName!.Trim(), Password!, [.. Roles],
        string.IsNullOrWhiteSpace(LearnerEmployeeNumber) ? null : LearnerEmployeeNumber.Trim(),
        string.IsNullOrWhiteSpace(MentorEmployeeNumber) ? null : MentorEmployeeNumber.Trim());
}

/// <summary>
/// The form's own rules, checked field by field as the admin types; Identity re-checks the password policy and the
/// unique user name when the account is created, and the service checks the linked records exist.
/// </summary>
public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator(IStringLocalizer<AccountStrings> text)
    {
        RuleFor(u => u.UserName).NotEmpty().WithMessage(_ => text["Users_Required_UserName"])
            .MaximumLength(NewUserInput.UserNameMaxLength).WithMessage(_ => text["Users_TooLong", NewUserInput.UserNameMaxLength])
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage(_ => text["Users_UserNameCharacters"]);
        RuleFor(u => u.DisplayName).NotEmpty().WithMessage(_ => text["Setup_Required_DisplayName"])
            .MaximumLength(UserAccount.DisplayNameMaxLength).WithMessage(_ => text["Users_TooLong", UserAccount.DisplayNameMaxLength]);
        RuleFor(u => u.Password).NotEmpty().WithMessage(_ => text["Login_Required_Password"])
            .MinimumLength(PasswordPolicy.MinimumLength).WithMessage(_ => text["Setup_PasswordRule", PasswordPolicy.MinimumLength]);
        RuleFor(u => u.Roles).NotEmpty().WithMessage(_ => text["Users_Required_Role"]);
        RuleFor(u => u.MentorEmployeeNumber).NotEmpty().When(u => u.Roles.Contains(Roles.Mentor))
            .WithMessage(_ => text["Users_Required_Mentor"]);
        RuleFor(u => u.LearnerEmployeeNumber).NotEmpty().When(u => u.Roles.Contains(Roles.Learner))
            .WithMessage(_ => text["Users_Required_Learner"]);
        RuleFor(u => u.LearnerEmployeeNumber).MaximumLength(Learner.EmployeeNumberMaxLength)
            .WithMessage(_ => text["Users_TooLong", Learner.EmployeeNumberMaxLength]);
    }
}
