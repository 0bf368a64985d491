using Grpc.Core;
using ShopSync.Server.Access;
using ShopSync.Server.Access.Keys;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Access;

/// <summary>An <see cref="InProcessServer"/> with <c>--auth required</c> and helpers to make keys and call with them.</summary>
internal static class AccessServer
{
    public static Task<InProcessServer> StartAsync(
        Action<IServiceCollection, RunGate>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Access:Mode"] = "required" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return InProcessServer.StartAsync(configureServices, all);
    }

    /// <summary>Writes a key straight to the server's store (as <c>shopsync-server keys create</c> does) and returns its secret.</summary>
    public static async Task<string> CreateKeyAsync(
        this InProcessServer server, string name, string role, string[]? shops = null, DateTimeOffset? expiresAt = null)
    {
        var time = server.Services.GetRequiredService<TimeProvider>();
        var (_, secret) = await ApiKeyIssuer.CreateAsync(
            server.Services.GetRequiredService<IApiKeyStore>(), name, role, shops ?? [], expiresAt, "test", time.GetUtcNow(), CancellationToken.None);
        return secret;
    }

    public static Metadata Bearer(string secret) => new() { { "authorization", "Bearer " + secret } };

    public static TestCallOptions With(string secret, TimeSpan? timeout = null) =>
        new() { Headers = Bearer(secret), Timeout = timeout ?? TimeSpan.FromSeconds(30) };
}
