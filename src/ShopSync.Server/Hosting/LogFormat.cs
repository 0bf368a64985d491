using System.Text.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace ShopSync.Server.Hosting;

/// <summary>
/// Logging set-up. <c>--log-format json</c> (configuration <c>Logging:Format</c>): one JSON object per line from the JSON
/// console formatter, with scopes, so every line of a run carries its entry id, entry no., attempt, shop, task and trace
/// id. Per-request lines (ASP.NET Core hosting and routing, Grpc.AspNetCore) are off by default: at Information they were
/// 8 lines per call and a fifth of the throughput (issue 16, defect 10). <c>--log-requests</c> (<c>Logging:Requests=true</c>)
/// brings them back, as does any <c>Logging:LogLevel:Microsoft.AspNetCore</c> or <c>…:Grpc.AspNetCore</c> setting.
/// </summary>
internal static class LogFormat
{
    /// <summary>The configuration key of <c>--log-requests</c>.</summary>
    public const string RequestsKey = "Logging:Requests";

    /// <summary>The categories of the per-request lines.</summary>
    private static readonly string[] RequestCategories = ["Microsoft.AspNetCore", "Grpc.AspNetCore"];

    public static void Apply(WebApplicationBuilder builder)
    {
        ApplyRequestLevel(builder.Configuration);
        var format = builder.Configuration["log-format"] is { Length: > 0 } flag ? flag : builder.Configuration["Logging:Format"];
        switch (format)
        {
            case null or "" or "text":
                return;
            case "json":
                builder.Logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
                });
                return;
            default:
                throw new ArgumentException($"--log-format: \"{format}\" is neither text nor json");
        }
    }

    /// <summary>
    /// The default level of the request categories, as the first (lowest-priority) configuration source: a level set
    /// in any file, variable or argument still wins.
    /// </summary>
    private static void ApplyRequestLevel(ConfigurationManager configuration)
    {
        var level = configuration.GetValue(RequestsKey, false) ? "Information" : "Warning";
        var defaults = new MemoryConfigurationSource
        {
            InitialData = RequestCategories.Select(c => new KeyValuePair<string, string?>($"Logging:LogLevel:{c}", level)).ToList(),
        };
        configuration.Sources.Insert(0, defaults);
    }
}
