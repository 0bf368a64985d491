namespace ShopSync.Grpc.Tests.Infrastructure;

/// <summary>Where the repository's interop assets are, found from the test binaries upwards.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Interop => Path.Combine(Root, "tests", "interop");

    public static string Protos => Path.Combine(Interop, "protos");

    public static string NodeModules => Path.Combine(Interop, "node_modules");

    public static string Buf => Path.Combine(NodeModules, ".bin", "buf");

    public const string Python = "/usr/bin/python3";

    public const string InstallHint = "Run scripts/install-deps.sh to install the real gRPC peers (python3-grpcio, python3-grpc-tools, npm install in tests/interop).";

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tests", "interop", "package.json")))
            {
                return directory.FullName;
            }
            directory = directory.Parent;
        }
        throw new InvalidOperationException($"Could not find the repository root above {AppContext.BaseDirectory}.");
    }
}
