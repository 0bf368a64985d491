using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Maps a sandbox store onto an ASP.NET Core app under a path prefix.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {prefix}/admin/api/{version}/graphql.json</c> (the Admin API) and
    /// <c>POST {prefix}/sandbox/faults</c> (body <c>{"kind":"TooManyRequests","count":2,"retryAfterSeconds":1}</c>).
    /// The shop's base URL is then <c>http://host:port{prefix}</c>, e.g. <c>http://127.0.0.1:5000/sandbox/demo</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapShopifySandbox(this IEndpointRouteBuilder endpoints, string prefix, SandboxStore store)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(store);
        prefix = "/" + (prefix ?? string.Empty).Trim('/');
        prefix = prefix == "/" ? string.Empty : prefix;
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("ShopSync.Shopify.Sandbox") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/admin/api/{version}/graphql.json", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var response = store.Handle(context.Request.Headers["X-Shopify-Access-Token"].FirstOrDefault(), body);
            SandboxLog.Answered(logger, prefix, null, response.Status, response.RequestId);
            if (response.Abort)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = response.Status;
            context.Response.Headers["X-Request-Id"] = response.RequestId;
            if (response.RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString("0.0", CultureInfo.InvariantCulture);
            }

            if (response.Body is not null)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            }
        });
        group.MapPost("/sandbox/faults", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var json = JsonNode.Parse(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false)) as JsonObject;
            var kindText = json?["kind"]?.GetValue<string>();
            if (!Enum.TryParse<SandboxFaultKind>(kindText, ignoreCase: true, out var kind))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"Field 'kind' must be one of {string.Join(", ", Enum.GetNames<SandboxFaultKind>())}.", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            var count = json?["count"]?.GetValue<int>() ?? 1;
            var retryAfter = json?["retryAfterSeconds"]?.GetValue<double>() ?? 1.0;
            store.InjectFaults(new SandboxFault(kind, retryAfter), count);
            SandboxLog.FaultsInjected(logger, prefix, count, kind);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        return group;
    }
}
