using Microsoft.Extensions.FileProviders;

namespace ShopSync.Server.Dashboard;

/// <summary>
/// The dashboard's files: the front-end bundle the build copies to <c>wwwroot/</c> next to the server binary
/// (<c>Dashboard:Root</c> points elsewhere, e.g. in tests). Read once at start; a missing folder or index.html
/// means the front-end was not built, and <c>/</c> says so.
/// </summary>
internal sealed class DashboardSite
{
    public const string RootKey = "Dashboard:Root";

    public DashboardSite(string root)
    {
        Root = root;
        Files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        Index = Files.GetFileInfo("index.html");
    }

    public string Root { get; }

    public IFileProvider Files { get; }

    public IFileInfo Index { get; }

    public bool IsBuilt => Index.Exists;

    public static DashboardSite From(IConfiguration configuration) =>
        new(configuration[RootKey] is { Length: > 0 } root ? Path.GetFullPath(root) : Path.Combine(AppContext.BaseDirectory, "wwwroot"));
}
