namespace ShopSync.Server.Tests.Interop;

/// <summary>Generates the python stubs of the contract and google.rpc once per test run (grpc_tools.protoc).</summary>
internal static class PythonStubs
{
    private static readonly Lazy<Task<string>> Generated = new(GenerateAsync);

    public static Task<string> DirectoryAsync() => Generated.Value;

    /// <summary>Null when /usr/bin/python3 has grpcio and grpc_tools, else why not.</summary>
    public static async Task<string?> MissingDependencyAsync()
    {
        if (!File.Exists(InteropPaths.Python))
        {
            return $"{InteropPaths.Python} is missing. {InteropPaths.InstallHint}";
        }
        var probe = await ProcessRunner.RunAsync(InteropPaths.Python, ["-c", "import grpc, grpc_tools"], TimeSpan.FromMinutes(1));
        return probe.ExitCode == 0 ? null : $"{InteropPaths.Python} cannot import grpc/grpc_tools: {probe.StandardError} {InteropPaths.InstallHint}";
    }

    private static async Task<string> GenerateAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "shopsync-pystubs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        var contract = Directory.GetFiles(Path.Combine(InteropPaths.ContractProtos, "shopsync", "v1"), "*.proto");
        var details = Directory.GetFiles(Path.Combine(InteropPaths.DetailProtos, "google", "rpc"), "*.proto");
        var result = await ProcessRunner.RunAsync(
            InteropPaths.Python,
            ["-m", "grpc_tools.protoc", "-I", InteropPaths.ContractProtos, "-I", InteropPaths.DetailProtos, "--python_out", output, "--grpc_python_out", output, .. contract, .. details],
            TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("grpc_tools.protoc failed: " + ProcessRunner.Describe(result));
        }
        return output;
    }
}
