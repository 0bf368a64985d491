using System.Text.Json;
using ShopSync.Cli.Tests.Infrastructure;

namespace ShopSync.Cli.Tests.Binary;

/// <summary>The CLI (and the client under it) run on the plain .NET runtime: no ASP.NET Core shared framework.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_BuiltCli_NamesOnlyMicrosoftNetCoreApp()
    {
        var file = Path.ChangeExtension(CliBinary.Path, ".runtimeconfig.json");
        Assert.True(File.Exists(file), $"Build the CLI first: {file} is missing");

        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var options = json.RootElement.GetProperty("runtimeOptions");
        var frameworks = new List<string>();
        if (options.TryGetProperty("framework", out var framework))
        {
            frameworks.Add(framework.GetProperty("name").GetString()!);
        }
        if (options.TryGetProperty("frameworks", out var list))
        {
            frameworks.AddRange(list.EnumerateArray().Select(f => f.GetProperty("name").GetString()!));
        }

        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
    }
}
