using System.Text.Json;

namespace ShopSync.Server.Hosting;

/// <summary>
/// <c>--log-format json</c> (configuration <c>Logging:Format</c>): one JSON object per line from the JSON console
/// formatter, with scopes, so every line of a run carries its entry id, entry no., attempt, shop, task and trace id.
/// </summary>
internal static class LogFormat
{
    public static void Apply(WebApplicationBuilder builder)
    {
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
}
