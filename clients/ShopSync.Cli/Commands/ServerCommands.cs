using System.CommandLine;
using Grpc.Health.V1;
using ShopSync.Cli.Infrastructure;

namespace ShopSync.Cli.Commands;

/// <summary><c>shopsync server health</c>.</summary>
internal static class ServerCommands
{
    private static readonly Option<string?> Service = new("--service") { Description = "A service's health instead of the whole server's (e.g. shopsync.v1.JobQueueService)" };

    public static Command Build(CommandHandlers handlers)
    {
        var server = new Command("server", "The server itself");
        var health = new Command("health", "Whether the server (or one service) is SERVING; exit code 3 when not") { Service };
        handlers.Set(health, HealthAsync);
        server.Subcommands.Add(health);
        return server;
    }

    private static async Task<int> HealthAsync(CliContext c)
    {
        var reply = await c.Client.Health.CheckAsync(
            new HealthCheckRequest { Service = c.Get(Service) ?? "" }, new Client.ShopSyncCallOptions { Timeout = TimeSpan.FromSeconds(10) }, c.Interrupt);
        var serving = reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        if (c.Json)
        {
            c.Output.Json(reply);
        }
        else
        {
            var status = reply.Status switch
            {
                HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
                HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
                HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
                _ => "UNKNOWN",
            };
            c.Output.Line($"{c.ServerAddress}: {status}");
        }
        return serving ? ExitCodes.Ok : ExitCodes.Unavailable;
    }
}
