using System.Globalization;
using ShopSync.Client;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Infrastructure;

/// <summary>A task named by report id (<c>30104</c>), alias (<c>orders</c>) or name, resolved through ListReports.</summary>
internal static class TaskResolver
{
    public static async Task<int> ResolveAsync(ShopSyncClient client, string task, CancellationToken cancellationToken)
    {
        if (int.TryParse(task, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        var reports = (await client.Jobs.ListReportsAsync(new ListReportsRequest(), cancellationToken: cancellationToken)).Reports;
        var match = reports.FirstOrDefault(r => r.Aliases.Any(a => string.Equals(a, task, StringComparison.OrdinalIgnoreCase)))
            ?? reports.FirstOrDefault(r => string.Equals(r.Name, task, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var known = string.Join(", ", reports.Select(r => r.Aliases.Count > 0 ? $"{r.Aliases[0]} ({r.ReportId} {r.Name})" : $"{r.ReportId} {r.Name}"));
            throw CliException.NotFound($"unknown task '{task}'; known tasks: {known}");
        }
        return match.ReportId;
    }
}
