namespace ShopSync.Testing;

/// <summary>
/// Leaves a failure's full text where the test command prints it. A failing fixture cleanup reaches the test
/// report as its exception type only, so its message would otherwise be lost with the CI machine.
/// </summary>
public static class FailureReport
{
    /// <summary>The folder the test command names in <c>SHOPSYNC_TEST_REPORTS</c>; nothing is written without it.</summary>
    public static void Write(string kind, string text)
    {
        var folder = Environment.GetEnvironmentVariable("SHOPSYNC_TEST_REPORTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{kind}-{Guid.NewGuid():N}.txt"), text);
    }
}
