namespace ShopSync.Server.Tests.Interop;

/// <summary>The cases tests/interop/python_client.py and node_client.js run against the real ShopSync services.</summary>
internal static class PeerCases
{
    public static readonly string[] All =
    [
        "foreground_enqueue_streams", "watch_resumes_after_sequence", "cancel_after_first_message", "deadline_exceeded",
        "compression", "metadata", "error_details", "unimplemented",
    ];

    public static TheoryData<string> Theory() => new(All);
}
