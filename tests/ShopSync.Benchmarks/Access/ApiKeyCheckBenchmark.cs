using System.Diagnostics;
using System.Globalization;
using ShopSync.Server.Access;
using ShopSync.Server.Access.Keys;

namespace ShopSync.Benchmarks.Access;

/// <summary>
/// `access`: what checking an API key costs per call, on the server's own code — the bearer header parsed, the key
/// hashed (SHA-256), looked up through <see cref="ApiKeyCache"/> (a real SQLite key store behind it, read once), the
/// expiry checked and the principal's identity built. One thread, after a warm-up; prints api_key_check_us.
/// The whole-call cost (ASP.NET Core's authentication, the rule check) is `engine --auth on` against off.
/// </summary>
internal static class ApiKeyCheckBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var file = Path.Combine(Path.GetTempPath(), "shopsync-keycheck-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var store = new SqliteApiKeyStore($"Data Source={file}");
            await store.InitializeAsync(cancellationToken);
            var (_, secret) = await ApiKeyIssuer.CreateAsync(store, "bench", Roles.Operator, ["demo"], null, "bench", TimeProvider.System.GetUtcNow(), cancellationToken);
            var cache = new ApiKeyCache(store, TimeProvider.System);
            var header = "Bearer " + secret;

            var warm = await CheckAsync(cache, header, Math.Min(iterations, 100_000), cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            var checkedKeys = await CheckAsync(cache, header, iterations, cancellationToken);
            stopwatch.Stop();

            var perCall = stopwatch.Elapsed.TotalMicroseconds / iterations;
            Console.Error.WriteLine($"api key check: {iterations:N0} checks ({warm + checkedKeys:N0} with the warm-up) in {stopwatch.Elapsed.TotalMilliseconds:F0} ms, one thread");
            Console.WriteLine(FormattableString.Invariant($"BENCH api_key_check_us {perCall:F2} µs"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The steps of <c>ApiKeyAuthenticationHandler</c> for one call, <paramref name="count"/> times.</summary>
    private static async Task<int> CheckAsync(ApiKeyCache cache, string header, int count, CancellationToken cancellationToken)
    {
        var accepted = 0;
        for (var i = 0; i < count; i++)
        {
            var value = ApiKeyAuthenticationHandler.BearerValue(header)!;
            if (!ApiKeySecrets.LooksLikeKey(value))
            {
                throw new InvalidOperationException("the benchmark's key does not look like a key");
            }
            var key = await cache.FindAsync(ApiKeySecrets.Hash(value), cancellationToken);
            if (key is null || key.RevokedAt is not null || key.IsExpired(TimeProvider.System.GetUtcNow()))
            {
                throw new InvalidOperationException("the benchmark's key was refused");
            }
            var identity = AccessClaims.Identity(AccessAuthentication.ApiKeyScheme, AccessAuthentication.ApiKey, key.Name, key.Role, key.Shops);
            accepted += identity.IsAuthenticated ? 1 : 0;
        }
        return accepted;
    }
}
