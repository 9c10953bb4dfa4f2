namespace TrainingEval.Dashboard.Features.Attendance;

public static class AttendanceFeature
{
    /// <summary>Sessions, rosters and learners' self check-in (issue 16), with the check-in window's options.</summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckInOptions>().Bind(configuration.GetSection(CheckInOptions.Section))
            .Validate(o => o.Problem() is null, $"{CheckInOptions.Section} needs OpensMinutesBeforeStart and LateAfterMinutes between 0 and {CheckInOptions.MaxMinutes} minutes.")
            .ValidateOnStart();
        services.AddScoped<SessionService>();
        services.AddScoped<AttendanceService>();
        return services;
    }
}
