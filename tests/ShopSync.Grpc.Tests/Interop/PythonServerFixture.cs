using System.Diagnostics;
using System.Globalization;
using ShopSync.Grpc.Client;
using ShopSync.Grpc.Tests.Infrastructure;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>A python grpcio (C-core) TestService server on a free port, as the reference peer of our client.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private Process? _process;

    public string? Failure { get; private set; }

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException(Failure);

    private GrpcChannel? _channel;

    public async Task InitializeAsync()
    {
        if (await PythonStubs.MissingDependencyAsync() is { } missing)
        {
            Failure = missing;
            return;
        }
        var stubs = await PythonStubs.DirectoryAsync();
        var start = new ProcessStartInfo(RepoPaths.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Interop, "python_server.py"));
        start.ArgumentList.Add(stubs);
        _process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            Failure = $"python_server.py did not start: {line} {await _process.StandardError.ReadToEndAsync(timeout.Token)}";
            return;
        }
        var port = int.Parse(line[5..], CultureInfo.InvariantCulture);
        _channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"), new GrpcChannelOptions { MaxReceiveMessageSize = 8 * 1024 * 1024 });
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_process is not null)
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
