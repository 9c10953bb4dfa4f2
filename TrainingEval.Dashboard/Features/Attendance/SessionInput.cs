using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// A session as the sessions page edits it; <see cref="Id"/> is null for a new one. Day and times are the texts of the
/// browser's own date and time inputs (<c>yyyy-MM-dd</c>, <c>HH:mm</c>), so phones show their native pickers.
/// </summary>
public sealed class SessionInput
{
    public int? Id { get; set; }
    public string? HeldOn { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public string? Place { get; set; }

    public DateOnly? Day => DateOnly.TryParseExact(HeldOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    public TimeOnly? StartTime => Time(Start);
    public TimeOnly? EndTime => Time(End);

    public static SessionInput From(SessionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new()
        {
            Id = row.Id,
            HeldOn = SessionService.Day(row.HeldOn),
            Start = SessionFormValidator.Format(row.Start),
            End = SessionFormValidator.Format(row.End),
            Title = row.Name,
            TitleEn = row.NameEn,
            Place = row.Place,
        };
    }

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}

/// <summary>What a session needs before it is saved; the order of the times is <see cref="SessionRules.EndsAfterStart"/>, as in the import.</summary>
public sealed class SessionFormValidator : AbstractValidator<SessionInput>
{
    public SessionFormValidator(IStringLocalizer<AttendanceStrings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RuleFor(s => s.HeldOn).Must((s, _) => s.Day is not null).WithMessage(_ => text["Val_DateRequired"]);
        RuleFor(s => s.Start).Must((s, _) => s.StartTime is not null).WithMessage(_ => text["Val_StartRequired"]);
        RuleFor(s => s.End).Must((s, _) => s.EndTime is not null).WithMessage(_ => text["Val_EndRequired"])
            .Must((s, _) => SessionRules.EndsAfterStart(s.StartTime, s.EndTime))
            .WithMessage(s => text["Val_EndBeforeStart", Format(s.EndTime), Format(s.StartTime)]);
        RuleFor(s => s.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Val_TitleRequired"])
            .MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["Val_TooLong", Bilingual.NameMaxLength]);
        RuleFor(s => s.TitleEn).MaximumLength(Bilingual.NameMaxLength).WithMessage(_ => text["Val_TooLong", Bilingual.NameMaxLength]);
        RuleFor(s => s.Place).MaximumLength(CohortSession.PlaceMaxLength).WithMessage(_ => text["Val_TooLong", CohortSession.PlaceMaxLength]);
    }

    public static string Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
}
