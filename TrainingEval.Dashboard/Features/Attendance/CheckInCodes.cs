using System.Security.Cryptography;
using TrainingEval.Dashboard.Infrastructure.Persistence.Entities;

namespace TrainingEval.Dashboard.Features.Attendance;

/// <summary>
/// Check-in codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn with a cryptographic
/// random generator — about 887 million codes, so one cannot be guessed during a session's window.
/// </summary>
public static class CheckInCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, CohortSession.CheckInCodeLength);

    /// <summary>What a learner typed, as stored: spaces and dashes dropped, upper case; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var code = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        return code.Length == CohortSession.CheckInCodeLength && code.All(Alphabet.Contains) ? code : null;
    }
}
