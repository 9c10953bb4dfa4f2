using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingEval.Tests.Support;

namespace TrainingEval.Tests.Infrastructure.Charts;

/// <summary>
/// ApexCharts is pinned to 4.7.0, the last release under the plain MIT licence: from 5.0.0 on its LICENSE
/// is a dual licence (a paid one above USD 2M annual revenue) while package.json still says "MIT", so the
/// licence is checked in the LICENSE text itself. These tests read what the build restored and copied
/// into wwwroot/lib (what the dashboard serves and publishes), so an upgrade fails here, not in an audit.
/// See docs/charts.md before changing the version.
/// </summary>
public class ApexChartsPinTests
{
    private const string PinnedVersion = "4.7.0";

    private static readonly string Dashboard = Path.Combine(
        RepositoryRoot.Find() ?? throw new InvalidOperationException("TrainingEval.sln not found above the test binaries."),
        "TrainingEval.Dashboard");

    private static readonly string ShippedDir = Path.Combine(Dashboard, "wwwroot", "lib", "apexcharts");

    [Fact]
    public void Package_json_and_the_lock_pin_exactly_4_7_0()
    {
        var manifest = ReadJson(Path.Combine(Dashboard, "package.json"));
        manifest["dependencies"]!["apexcharts"]!.GetValue<string>().ShouldBe(PinnedVersion, "an exact version, no range");

        var packages = ReadJson(Path.Combine(Dashboard, "package-lock.json"))["packages"]!.AsObject();
        packages[""]!["dependencies"]!["apexcharts"]!.GetValue<string>().ShouldBe(PinnedVersion);
        packages["node_modules/apexcharts"]!["version"]!.GetValue<string>().ShouldBe(PinnedVersion);
    }

    [Fact]
    public void Every_locked_package_is_MIT_licensed()
    {
        // The UMD build bundles its dependencies (svg.js and its plugins); a later ApexCharts brings in
        // apex-commons, whose licence is "SEE LICENSE IN LICENSE".
        var packages = ReadJson(Path.Combine(Dashboard, "package-lock.json"))["packages"]!.AsObject()
            .Where(p => p.Key.Length > 0)
            .ToList();

        packages.ShouldNotBeEmpty();
        packages.Where(p => p.Value!["license"]?.GetValue<string>() != "MIT").Select(p => p.Key).ShouldBeEmpty();
    }

    [Fact]
    public void The_installed_and_the_served_library_are_4_7_0()
    {
        var installed = ReadJson(Path.Combine(Dashboard, "node_modules", "apexcharts", "package.json"));
        installed["version"]!.GetValue<string>().ShouldBe(PinnedVersion, "node_modules is stale: build the dashboard (npm ci runs when the lock changes)");

        // The banner of the file the browser loads.
        var banner = ReadHead(Path.Combine(ShippedDir, "apexcharts.min.js"), 200);
        banner.ShouldContain($"ApexCharts v{PinnedVersion}");
        banner.ShouldContain("Released under the MIT License.");
    }

    [Fact]
    public void The_licence_shipped_with_the_library_is_plain_MIT()
    {
        foreach (var licence in (string[])[Path.Combine(Dashboard, "node_modules", "apexcharts", "LICENSE"), Path.Combine(ShippedDir, "LICENSE.txt")])
        {
            var text = File.ReadAllText(licence);

            text.ShouldStartWith("The MIT License (MIT)", customMessage: licence);
            text.ShouldContain("Copyright (c) 2018 ApexCharts", customMessage: licence);
            text.ShouldContain("Permission is hereby granted, free of charge, to any person obtaining a copy", customMessage: licence);
            // What the 5.x+ LICENSE says instead.
            foreach (var word in (string[])["dual-license", "Commercial License", "revenue", "OEM"])
                text.ShouldNotContain(word, Case.Insensitive, customMessage: licence);
        }
    }

    private static JsonNode ReadJson(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) ?? throw new JsonException($"{path} is empty.");

    private static string ReadHead(string path, int length)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[length];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, length));
    }
}
