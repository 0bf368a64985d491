using ShopSync.Testing;

namespace ShopSync.Server.Tests.Interop;

/// <summary>Where the real gRPC peers and their protos are.</summary>
internal static class InteropPaths
{
    public const string Python = "/usr/bin/python3";

    public const string InstallHint = "Run scripts/install-deps.sh to install the real gRPC peers (python3-grpcio, python3-grpc-tools, npm install in tests/interop).";

    public static string Root => RepositoryPaths.Root;

    public static string Interop => RepositoryPaths.Combine("tests", "interop");

    /// <summary>The contract (protos/shopsync/v1).</summary>
    public static string ContractProtos => RepositoryPaths.Combine("protos");

    /// <summary>google.rpc.Status and the error details, for peers that have no package of them.</summary>
    public static string DetailProtos => Path.Combine(Interop, "protos");

    public static string Buf => Path.Combine(Interop, "node_modules", ".bin", "buf");
}
