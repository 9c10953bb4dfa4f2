using Microsoft.Extensions.Configuration.Json;

namespace TrainingEval.Dashboard.Hosting;

/// <summary>
/// Finds the repository root's <c>appsettings.json</c> — the one configuration file a user edits —
/// whichever folder the dashboard is started from, and adds it with the precedence of an ordinary
/// appsettings file (environment variables and the command line still override it).
/// </summary>
public static class RootConfiguration
{
    public const string FileName = "appsettings.json";
    private const string RootMarker = "TrainingEval.sln";

    public static IConfigurationBuilder AddRootAppSettings(this IConfigurationManager configuration, string? startFolder = null)
    {
        var path = Locate(startFolder);
        if (path is null)
            return configuration;

        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        var sources = configuration.Sources;
        var lastJson = -1;
        for (var i = 0; i < sources.Count; i++)
            if (sources[i] is JsonConfigurationSource)
                lastJson = i;
        sources.Insert(lastJson + 1, source);
        return configuration;
    }

    /// <summary>The root file next to <c>TrainingEval.sln</c> above the start folder, else the copy beside the binaries.</summary>
    public static string? Locate(string? startFolder = null)
    {
        foreach (var start in new[] { startFolder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, RootMarker)) && File.Exists(Path.Combine(dir.FullName, FileName)))
                    return Path.Combine(dir.FullName, FileName);
            }
        }
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, FileName);
        return File.Exists(besideBinaries) ? besideBinaries : null;
    }
}
