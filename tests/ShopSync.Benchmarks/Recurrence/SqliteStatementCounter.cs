using System.Runtime.InteropServices;

namespace ShopSync.Benchmarks.Recurrence;

/// <summary>
/// Counts every SQL statement any SQLite connection of this process runs, whoever opened it (EF Core or the queue's raw
/// Microsoft.Data.Sqlite commands): an auto-extension installs a <c>sqlite3_trace_v2(SQLITE_TRACE_STMT)</c> callback on
/// each new connection. Install it before the first connection opens.
/// </summary>
internal static class SqliteStatementCounter
{
    private const uint TraceStatement = 0x01;
    private static long _statements;
    private static AutoExtension? _entryPoint;
    private static TraceCallback? _callback;
    private static IntPtr _callbackPointer;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int AutoExtension(IntPtr db, IntPtr errorMessage, IntPtr api);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int TraceCallback(uint type, IntPtr context, IntPtr statement, IntPtr sql);

    public static long Statements => Interlocked.Read(ref _statements);

    public static void Install()
    {
        SQLitePCL.Batteries_V2.Init();
        _callback = (_, _, _, _) =>
        {
            Interlocked.Increment(ref _statements);
            return 0;
        };
        _callbackPointer = Marshal.GetFunctionPointerForDelegate(_callback);
        _entryPoint = (db, _, _) => sqlite3_trace_v2(db, TraceStatement, _callbackPointer, IntPtr.Zero);
        var rc = sqlite3_auto_extension(Marshal.GetFunctionPointerForDelegate(_entryPoint));
        if (rc != 0)
        {
            throw new InvalidOperationException($"sqlite3_auto_extension failed: {rc}");
        }
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_auto_extension(IntPtr entryPoint);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_trace_v2(IntPtr db, uint mask, IntPtr callback, IntPtr context);
}
