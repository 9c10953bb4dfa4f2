namespace TrainingEval.Tests;

public class SmokeTests
{
    [Fact]
    public void Domain_assembly_does_not_reference_aspnet_or_efcore()
    {
        var refs = typeof(TrainingEval.Domain.AssemblyMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        refs.ShouldNotContain(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }
}
