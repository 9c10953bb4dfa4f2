namespace TrainingEval.Dashboard.Features.Account;

internal static partial class LoginLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in failed for {UserName}")]
    public static partial void Failed(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: {UserName} is locked out")]
    public static partial void LockedOut(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in of {UserName} while the database is read-only: the attempt is checked but not counted towards the lockout")]
    public static partial void Uncounted(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password changed by {UserName}; the account's other sessions end")]
    public static partial void PasswordChanged(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not allowed: {UserName} was refused {Path}")]
    public static partial void Denied(ILogger logger, string userName, string path);
}
