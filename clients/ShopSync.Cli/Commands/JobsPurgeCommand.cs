using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync jobs purge --older-than 30d [--status finished] [--shop X] [--dry-run]</c>.</summary>
internal static class JobsPurgeCommand
{
    private static readonly Option<string> OlderThan = new("--older-than")
    {
        Description = "Entries that ended more than this long ago: a number and a unit, e.g. 30d, 12h, 90m, 45s",
        Required = true,
    };
    private static readonly Option<string[]> Statuses = new("--status")
    {
        Description = "finished and/or error (default finished); comma-separated or repeated",
        HelpName = "status",
    };
    private static readonly Option<string?> Shop = new("--shop") { Description = "Only this shop's entries" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Count what would be deleted, delete nothing" };

    public static Command Build(CommandHandlers handlers)
    {
        var purge = new Command("purge", "Delete ended entries older than a cutoff, with their events (entries a schedule needs stay)")
        {
            OlderThan, Statuses, Shop, DryRun,
        };
        handlers.Set(purge, PurgeAsync);
        return purge;
    }

    /// <summary>"30d", "12h", "90m", "45s" as a duration; anything else is a usage error naming the option.</summary>
    internal static TimeSpan ParseAge(string text, string option = "--older-than")
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2
            && long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n > 0 && n <= 36500L * 24 * 3600)
        {
            TimeSpan? age = char.ToLowerInvariant(trimmed[^1]) switch
            {
                'd' when n <= 36500 => TimeSpan.FromDays(n),
                'h' when n <= 36500L * 24 => TimeSpan.FromHours(n),
                'm' when n <= 36500L * 24 * 60 => TimeSpan.FromMinutes(n),
                's' => TimeSpan.FromSeconds(n),
                _ => null,
            };
            if (age is { } value)
            {
                return value;
            }
        }

        throw CliException.Usage($"{option} '{text}' must be a positive number with a unit d, h, m or s (e.g. 30d)");
    }

    private static async Task<int> PurgeAsync(CliContext c)
    {
        var request = new PurgeJobsRequest
        {
            OlderThan = Duration.FromTimeSpan(ParseAge(c.Get(OlderThan))),
            ShopCode = c.Get(Shop) ?? string.Empty,
            DryRun = c.Get(DryRun),
        };
        request.Statuses.AddRange(JobsCommands.ParseStatuses(c.Get(Statuses)));
        var reply = await c.Client.Jobs.PurgeJobsAsync(request, cancellationToken: c.Interrupt);
        if (c.Json)
        {
            c.Output.Json(reply);
            return ExitCodes.Ok;
        }

        var cutoff = reply.Cutoff.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        c.Output.Line(reply.DryRun
            ? $"{reply.Count} entries ended before {cutoff} would be deleted (dry run: nothing deleted)"
            : $"{reply.Count} entries ended before {cutoff} deleted{(reply.Complete ? string.Empty : "; more remain, run the purge again")}");
        return ExitCodes.Ok;
    }
}
