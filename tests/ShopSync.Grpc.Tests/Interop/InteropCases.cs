namespace ShopSync.Grpc.Tests.Interop;

/// <summary>The interop cases the peer clients run against our server (grpc-wire.md §2).</summary>
internal static class InteropCases
{
    public static readonly string[] ClientCases =
    [
        "empty_unary", "large_unary", "client_compressed_unary", "server_compressed_unary", "client_streaming",
        "server_streaming", "server_compressed_streaming", "ping_pong", "empty_stream", "custom_metadata",
        "status_code_and_message", "special_status_message", "unimplemented_method", "unimplemented_service",
        "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server", "concurrent_large_unary",
    ];
}
