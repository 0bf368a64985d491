using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ShopSync.Benchmarks.Wire;

/// <summary>Runs nghttp2's h2load against a URL with a prebuilt gRPC request body and reads its figures.</summary>
internal static partial class H2Load
{
    public sealed record Result(double RequestsPerSecond, long Succeeded, long Failed, string Output);

    public static async Task<Result> RunAsync(Uri url, string bodyFile, int requests, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("h2load")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "4", "-m", "64", "-t", "1",
            "-d", bodyFile, "-H", "te: trailers", "-H", "content-type: application/grpc", url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load could not start (apt-get install nghttp2-client).");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var rate = RateRegex().Match(output);
        var counts = CountsRegex().Match(output);
        if (process.ExitCode != 0 || !rate.Success || !counts.Success)
        {
            throw new InvalidOperationException($"h2load failed (exit {process.ExitCode}):\n{output}\n{await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }
        return new Result(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture),
            output);
    }

    [GeneratedRegex(@"finished in [\d.]+m?s, ([\d.]+) req/s")]
    private static partial Regex RateRegex();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed")]
    private static partial Regex CountsRegex();
}
