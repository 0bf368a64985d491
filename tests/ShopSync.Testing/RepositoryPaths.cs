namespace ShopSync.Testing;

/// <summary>Locates the repository root (the folder holding ShopSync.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A program built from this repository, in the build configuration the tests themselves run in.</summary>
    /// <param name="projectFolder">The project's folder, e.g. <c>src/ShopSync.Server</c>.</param>
    /// <param name="name">The program's file name, e.g. <c>shopsync-server</c>.</param>
    public static string Binary(string projectFolder, string name)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        return Combine([.. projectFolder.Split('/'), "bin", configuration, "net10.0", name]);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShopSync.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No ShopSync.sln above {AppContext.BaseDirectory}");
    }
}
