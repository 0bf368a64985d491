namespace ShopSync.Grpc.Tests.Infrastructure;

/// <summary>Generates the python stubs of the interop protos once per test run (Debian's grpc_tools.protoc).</summary>
internal static class PythonStubs
{
    private static readonly Lazy<Task<string>> Generated = new(GenerateAsync);

    public static Task<string> DirectoryAsync() => Generated.Value;

    /// <summary>Null when /usr/bin/python3 has grpcio and grpc_tools, else why not.</summary>
    public static async Task<string?> MissingDependencyAsync()
    {
        if (!File.Exists(RepoPaths.Python))
        {
            return $"{RepoPaths.Python} is missing. {RepoPaths.InstallHint}";
        }
        var probe = await ProcessRunner.RunAsync(RepoPaths.Python, ["-c", "import grpc, grpc_tools"], TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        return probe.ExitCode == 0 ? null : $"{RepoPaths.Python} cannot import grpc/grpc_tools: {probe.StandardError} {RepoPaths.InstallHint}";
    }

    private static async Task<string> GenerateAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "shopsync-grpc-pystubs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        var protos = Directory.GetFiles(Path.Combine(RepoPaths.Protos, "grpc", "testing"), "*.proto");
        var result = await ProcessRunner.RunAsync(
            RepoPaths.Python,
            ["-m", "grpc_tools.protoc", "-I", RepoPaths.Protos, "--python_out", output, "--grpc_python_out", output, .. protos],
            TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("grpc_tools.protoc failed: " + ProcessRunner.Describe(result));
        }
        await File.WriteAllTextAsync(Path.Combine(output, "grpc", "testing", "__init__.py"), string.Empty).ConfigureAwait(false);
        return output;
    }
}
