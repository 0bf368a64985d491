namespace ShopSync.Connector.Secrets;

/// <summary>
/// Files and folders only their owner may read: database files, the key ring. On Windows the ACLs of the parent
/// folder apply (there is no mode to set).
/// </summary>
public static class OwnerOnlyFiles
{
    /// <summary>rw------- (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ (0700).</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> as an owner-only folder, or narrows an existing one to 0700.</summary>
    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
        if (File.GetUnixFileMode(path) != DirectoryMode)
        {
            File.SetUnixFileMode(path, DirectoryMode);
        }
    }

    /// <summary>
    /// Creates an empty owner-only file if none exists and narrows an existing one to 0600, so that SQLite (which gives
    /// its -wal and -shm files the database file's mode) never creates a world-readable database.
    /// </summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = FileMode };
            using (new FileStream(path, options))
            {
            }
        }
        Narrow(path);
    }

    /// <summary>Narrows an existing file to 0600 (nothing when it does not exist).</summary>
    public static void Narrow(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>Writes <paramref name="path"/> whole (through a temporary file and a rename), owner-only.</summary>
    public static void WriteAllText(string path, string text)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        Narrow(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
