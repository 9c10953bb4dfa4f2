using Microsoft.Extensions.Configuration;
using TrainingEval.Dashboard.Hosting;

namespace TrainingEval.Tests.Hosting;

public sealed class RootConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("trainingeval-root-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_root_appsettings_is_found_from_a_folder_below_the_solution()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "TrainingEval.sln"), "");
        File.WriteAllText(Path.Combine(_root.FullName, "appsettings.json"), "{}");
        var nested = Directory.CreateDirectory(Path.Combine(_root.FullName, "TrainingEval.Dashboard", "bin"));

        RootConfiguration.Locate(nested.FullName).ShouldBe(Path.Combine(_root.FullName, "appsettings.json"));
    }

    [Fact]
    public void Environment_variables_still_override_the_root_appsettings()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "TrainingEval.sln"), "");
        File.WriteAllText(Path.Combine(_root.FullName, "appsettings.json"), """{ "TrainingEval": { "DefaultCulture": "zh-CN", "Probe": "file" } }""");
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(_root.FullName, "missing.json"), optional: true);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TrainingEval:DefaultCulture"] = "en" });

        configuration.AddRootAppSettings(_root.FullName);

        configuration["TrainingEval:Probe"].ShouldBe("file");
        configuration["TrainingEval:DefaultCulture"].ShouldBe("en");
    }
}
