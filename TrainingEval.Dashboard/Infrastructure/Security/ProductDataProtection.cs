using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using TrainingEval.Dashboard.Infrastructure.Persistence;

namespace TrainingEval.Dashboard.Infrastructure.Security;

/// <summary>Configuration <c>TrainingEval:DataProtection</c>: how the key ring is encrypted at rest.</summary>
public sealed class DataProtectionSettings
{
    public const string Section = "TrainingEval:DataProtection";

    /// <summary>A PFX file whose certificate encrypts the keys at rest (Linux has no DPAPI); empty: Windows uses DPAPI, others none.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX's password; set it outside the file (environment variable <c>TrainingEval__DataProtection__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// ASP.NET Core data protection (the keys that sign cookies and antiforgery tokens) for this product: keys in the
/// product's database (<see cref="TrainingDbContext.DataProtectionKeys"/>) rather than the OS user's key ring, so two
/// TrainingEval installations on one host no longer accept each other's cookies while the instances of one installation
/// (scale-out) share theirs; an application name, so another app on the same database's keys never match; keys encrypted
/// at rest with DPAPI on Windows or with a configured certificate elsewhere.
/// </summary>
public static class ProductDataProtection
{
    public const string ApplicationName = "TrainingEval";

    public static IServiceCollection AddProductDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        var protection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<TrainingDbContext>();
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword));
        else if (OperatingSystem.IsWindows())
            protection.ProtectKeysWithDpapi();
        return services;
    }
}
