using Microsoft.Extensions.Logging;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Sandbox log messages, event ids 5100–5199.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 5100, EventName = "SandboxAnswered", Level = LogLevel.Debug, Message = "Sandbox {Prefix} answered {Operation} with {Status} (request {RequestId})")]
    public static partial void Answered(ILogger logger, string prefix, string? operation, int status, string requestId);

    [LoggerMessage(EventId = 5101, EventName = "FaultsInjected", Level = LogLevel.Information, Message = "Sandbox {Prefix}: {Count} x {Fault} injected")]
    public static partial void FaultsInjected(ILogger logger, string prefix, int count, SandboxFaultKind fault);

    [LoggerMessage(EventId = 5102, EventName = "SandboxListening", Level = LogLevel.Information, Message = "Sandbox store listening at {BaseUrl}")]
    public static partial void Listening(ILogger logger, string baseUrl);
}
