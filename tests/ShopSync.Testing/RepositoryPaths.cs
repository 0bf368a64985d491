namespace ShopSync.Testing;

/// <summary>Locates the repository root (the folder holding ShopSync.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

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
