using System.Text.Json;

namespace ShopSync.Server.Tests.Interop;

/// <summary>The per-case JSON lines a peer's interop client prints: {"case", "ok", "detail"}.</summary>
internal sealed class InteropResults
{
    private readonly Dictionary<string, (bool Ok, string Detail)> _cases = new(StringComparer.Ordinal);

    private InteropResults(string? failure, string rawOutput)
    {
        Failure = failure;
        RawOutput = rawOutput;
    }

    /// <summary>Why the peer could not run at all (missing dependency, crash), or null.</summary>
    public string? Failure { get; }

    public string RawOutput { get; }

    public static InteropResults Failed(string failure) => new(failure, string.Empty);

    public static InteropResults Parse(string output, string? failure)
    {
        var results = new InteropResults(failure, output);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            results._cases[root.GetProperty("case").GetString()!] = (root.GetProperty("ok").GetBoolean(), root.GetProperty("detail").GetString() ?? string.Empty);
        }
        return results;
    }

    public void AssertPassed(string caseName)
    {
        Assert.True(Failure is null, Failure);
        Assert.True(_cases.TryGetValue(caseName, out var result), $"The peer reported no result for '{caseName}'. Output:\n{RawOutput}");
        Assert.True(result.Ok, $"{caseName} failed: {result.Detail}");
    }
}
