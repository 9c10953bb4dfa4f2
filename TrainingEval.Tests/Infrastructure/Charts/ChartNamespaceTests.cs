using TrainingEval.Dashboard.Infrastructure.Charts;

namespace TrainingEval.Tests.Infrastructure.Charts;

public class ChartNamespaceTests
{
    [Fact]
    public void No_chart_type_shares_a_name_with_a_MudBlazor_or_domain_type()
    {
        // Pages import MudBlazor everywhere and the chart namespace where they draw charts; a shared
        // simple name (MudBlazor has ChartOptions, ChartSeries, ChartType, Color, Align…) would make
        // such a page fail with CS0104. Hence ApexChartOptions and ApexChartType.
        // What `@using MudBlazor` and the domain namespaces bring into a page (nested types do not).
        var importedNames = typeof(MudBlazor.MudTheme).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "MudBlazor")
            .Concat(typeof(TrainingEval.Domain.AssemblyMarker).Assembly.GetExportedTypes())
            .Where(t => !t.IsNested)
            .Select(SimpleName)
            .ToHashSet(StringComparer.Ordinal);

        var chartTypes = typeof(ApexChart).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(ApexChart).Namespace)
            .Select(SimpleName)
            .ToList();

        chartTypes.ShouldNotBeEmpty();
        chartTypes.Where(importedNames.Contains).ShouldBeEmpty();
    }

    // Keeps the generic arity ("ChartPoint`1"): C# tells ChartPoint<T> and ChartPoint apart.
    private static string SimpleName(Type type) => type.Name;
}
