using System.Xml.Linq;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Hosting;

/// <summary>Every UI text exists in both languages: each neutral (English) .resx has a zh-CN twin with the same keys, none empty.</summary>
public sealed class ResourceCompletenessTests
{
    // Each .resx sits beside what it translates, so the whole project folder is searched (build output excluded).
    private static string ResourcesFolder =>
        Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("TrainingEval.sln not found above the test binaries."),
            "TrainingEval.Dashboard");

    public static TheoryData<string> NeutralFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ResourcesFolder, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileName(f).Contains(".zh-CN.", StringComparison.Ordinal))
                     .Where(f => !IsBuildOutput(Path.GetRelativePath(ResourcesFolder, f)))
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(ResourcesFolder, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void The_Chinese_file_has_exactly_the_English_keys_and_no_empty_text(string neutralFile)
    {
        var english = Entries(Path.Combine(ResourcesFolder, neutralFile));
        var chinesePath = Path.Combine(ResourcesFolder, neutralFile[..^".resx".Length] + ".zh-CN.resx");

        File.Exists(chinesePath).ShouldBeTrue($"{neutralFile} has no zh-CN twin");
        var chinese = Entries(chinesePath);
        chinese.Keys.Except(english.Keys).ShouldBeEmpty($"keys only in the zh-CN file of {neutralFile}");
        english.Keys.Except(chinese.Keys).ShouldBeEmpty($"keys missing from the zh-CN file of {neutralFile}");
        english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ShouldBeEmpty($"empty English texts in {neutralFile}");
        chinese.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ShouldBeEmpty($"empty Chinese texts in {neutralFile}");
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "node_modules";

    private static Dictionary<string, string> Entries(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
}
