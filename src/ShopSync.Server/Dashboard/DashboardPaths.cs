using System.Text.RegularExpressions;

namespace ShopSync.Server.Dashboard;

/// <summary>Which requests are gRPC calls, and which files carry a content hash in their name (cached for good).</summary>
internal static partial class DashboardPaths
{
    /// <summary>gRPC and gRPC-Web methods: <c>/package.Service/Method</c> of ShopSync, health and reflection.</summary>
    public static bool IsGrpc(PathString path) =>
        path.Value is { } value && (value.StartsWith("/shopsync.", StringComparison.Ordinal) || value.StartsWith("/grpc.", StringComparison.Ordinal));

    public static bool IsGrpcContent(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    /// <summary>A bundler's hashed name such as <c>main-XFR6DFVS.js</c> (esbuild) or <c>app.3f9a1c2b.css</c>.</summary>
    public static bool IsHashed(string fileName) => HashedName().IsMatch(fileName);

    [GeneratedRegex(@"[-.](?=[A-Za-z0-9_]*[0-9])[A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HashedName();
}
