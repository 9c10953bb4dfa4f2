namespace TrainingEval.Tests.Support;

/// <summary>The folder holding TrainingEval.sln, found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrainingEval.sln")))
                return dir.FullName;
        }
        return null;
    }
}
