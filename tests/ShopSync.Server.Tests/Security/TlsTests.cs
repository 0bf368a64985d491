using System.Collections.Concurrent;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ShopSync.Client;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Interop;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Security;

/// <summary>--tls-cert/--tls-key (PEM) and --tls-client-ca on the real server, with certificates made in the test.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TempDirectory _directory = new("shopsync-tls");
    private readonly TestCertificates _certificates;

    public TlsTests()
    {
        _certificates = TestCertificates.Create(_directory.File("pki"));
    }

    [Fact]
    public async Task PythonGrpcio_OverTlsTrustingTheTestCa_CreatesAndListsShops()
    {
        Assert.Null(await PythonStubs.MissingDependencyAsync());
        await using var server = await StartAsync();
        var stubs = await PythonStubs.DirectoryAsync();

        var result = await ProcessRunner.RunAsync(
            InteropPaths.Python,
            [Path.Combine(InteropPaths.Interop, "python_tls_client.py"), server.Address.Port.ToString(CultureInfo.InvariantCulture), stubs, _certificates.CaFile],
            TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, ProcessRunner.Describe(result));
        Assert.Contains("OK pytls", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Uri.UriSchemeHttps, server.Address.Scheme);
    }

    [Fact]
    public async Task TypedClient_HttpsWithThePrivateCa_CallsOverHttp2()
    {
        await using var server = await StartAsync();
        using var client = ShopSyncClient.Create(new ShopSyncClientOptions
        {
            Address = server.Address,
            TrustedCertificateAuthorities = [_certificates.Ca],
        });

        var shops = await client.Shops.ListShopsAsync(new ListShopsRequest());

        Assert.Empty(shops.Shops);
    }

    [Fact]
    public async Task TypedClient_HttpsWithoutTrustingTheCa_IsRefused()
    {
        await using var server = await StartAsync();
        using var client = ShopSyncClient.Create(new ShopSyncClientOptions
        {
            Address = server.Address,
            Retry = new ShopSyncRetryPolicy { MaxAttempts = 1 },
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.Shops.ListShopsAsync(new ListShopsRequest()));

        // grpc-dotnet reports a failed TLS handshake as INTERNAL (or UNAVAILABLE), with the SSL error as its cause.
        Assert.True(error.StatusCode is StatusCode.Internal or StatusCode.Unavailable, error.ToString());
        Assert.Contains("SSL", error.Status.Detail + error.Status.DebugException, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificate_IssuedByTheClientCa_ReachesTheServer()
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = await StartAsync(clientCa: true, seen);
        using var certificate = _certificates.IssueClient("erp-node-1", out _, out _);
        using var client = ShopSyncClient.Create(new ShopSyncClientOptions
        {
            Address = server.Address,
            TrustedCertificateAuthorities = [_certificates.Ca],
            ClientCertificate = certificate,
        });

        await client.Shops.ListShopsAsync(new ListShopsRequest());

        Assert.Contains("CN=erp-node-1", seen);
    }

    [Fact]
    public async Task ClientCertificate_FromAnotherCa_IsRefusedInTheHandshake()
    {
        await using var server = await StartAsync(clientCa: true);
        using var stranger = TestCertificates.Create(_directory.File("other-pki"), "Someone Else's CA");
        using var certificate = stranger.IssueClient("intruder", out _, out _);
        using var client = ShopSyncClient.Create(new ShopSyncClientOptions
        {
            Address = server.Address,
            TrustedCertificateAuthorities = [_certificates.Ca],
            ClientCertificate = certificate,
            Retry = new ShopSyncRetryPolicy { MaxAttempts = 1 },
        });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.Shops.ListShopsAsync(new ListShopsRequest()));

        // Under TLS 1.3 the client may finish its side of the handshake and send the request before the server's
        // refusal of its certificate arrives: the call then dies as a reset stream (INTERNAL) instead of a failed
        // connection (UNAVAILABLE). Either way nothing was served.
        Assert.Contains(error.StatusCode, (StatusCode[])[StatusCode.Unavailable, StatusCode.Internal]);
    }

    [Fact]
    public async Task Start_TlsKeyFileMissing_OneLineNamingTheFileAndNonZeroExit()
    {
        var missing = _directory.File("no-such.key");

        var run = await ServerRun.UntilExitAsync(
            _directory.File("shopsync.db"), TimeSpan.FromSeconds(60), "--tls-cert", _certificates.ServerCertificateFile, "--tls-key", missing);

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("shopsync-server: cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("--tls-key " + missing, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TlsCertificateNotPem_OneLineNamingTheFile()
    {
        var junk = _directory.File("junk.pem");
        await File.WriteAllTextAsync(junk, "not a certificate");

        var run = await ServerRun.UntilExitAsync(
            _directory.File("shopsync.db"), TimeSpan.FromSeconds(60), "--tls-cert", junk, "--tls-key", _certificates.ServerKeyFile);

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("--tls-cert " + junk, line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _certificates.Dispose();
        _directory.Dispose();
    }

    private Task<InProcessServer> StartAsync(bool clientCa = false, ConcurrentQueue<string>? seen = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "https://127.0.0.1:0",
            ["Tls:CertificateFile"] = _certificates.ServerCertificateFile,
            ["Tls:KeyFile"] = _certificates.ServerKeyFile,
        };
        if (clientCa)
        {
            settings["Tls:ClientCaFile"] = _certificates.CaFile;
        }
        return InProcessServer.StartAsync(
            (services, _) =>
            {
                if (seen is not null)
                {
                    services.AddSingleton(new ClientCertificateProbe(seen));
                    services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<ClientCertificateProbe>());
                }
            },
            settings);
    }

    /// <summary>Records the subject of each call's client certificate, as the server sees it.</summary>
    private sealed class ClientCertificateProbe(ConcurrentQueue<string> seen) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            if (context.GetHttpContext().Connection.ClientCertificate is { } certificate)
            {
                seen.Enqueue(certificate.Subject);
            }
            return continuation(request, context);
        }
    }
}
