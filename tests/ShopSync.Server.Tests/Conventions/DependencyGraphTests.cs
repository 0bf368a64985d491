using System.Text.RegularExpressions;
using System.Xml.Linq;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Conventions;

/// <summary>The README's dependency graph is the one the project files declare, and the sandbox stays out of the product.</summary>
public sealed partial class DependencyGraphTests
{
    private static Dictionary<string, SortedSet<string>> ProjectGraph()
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src", "clients" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Combine(folder), "*.csproj", SearchOption.AllDirectories))
            {
                var references = XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
                graph[Path.GetFileNameWithoutExtension(file)] = new SortedSet<string>(references, StringComparer.Ordinal);
            }
        }

        return graph;
    }

    private static Dictionary<string, SortedSet<string>> ReadmeGraph()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var block = GraphBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```dependency-graph block");
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var line in block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split("->", 2, StringSplitOptions.TrimEntries);
            graph[parts[0]] = new SortedSet<string>(
                parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        }

        return graph;
    }

    private static string Describe(Dictionary<string, SortedSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} -> {string.Join(", ", p.Value)}"));

    [Fact]
    public void Readme_DependencyGraph_MatchesTheProjectFiles()
    {
        Assert.Equal(Describe(ProjectGraph()), Describe(ReadmeGraph()));
    }

    [Fact]
    public void ProjectFiles_Sandbox_IsReferencedByTheServerOnly()
    {
        var referrers = ProjectGraph().Where(p => p.Value.Contains("ShopSync.Shopify.Sandbox")).Select(p => p.Key).ToList();

        Assert.Equal(["ShopSync.Server"], referrers);
    }

    [Fact]
    public void SourceFiles_Sandbox_IsUsedByTheServersDemoWiringOnly()
    {
        var server = RepositoryPaths.Combine("src", "ShopSync.Server");
        var users = Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("ShopSync.Shopify.Sandbox", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(server, f).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(users);
        Assert.All(users, f => Assert.StartsWith("Demo/", f, StringComparison.Ordinal));
    }

    [GeneratedRegex("```dependency-graph\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphBlock();
}
