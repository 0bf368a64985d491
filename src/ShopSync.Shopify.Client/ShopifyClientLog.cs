using Microsoft.Extensions.Logging;

namespace ShopSync.Shopify.Client;

/// <summary>Client log messages, event ids 5000–5099. Messages carry shop codes, never tokens.</summary>
internal static partial class ShopifyClientLog
{
    [LoggerMessage(EventId = 5000, EventName = "CallSucceeded", Level = LogLevel.Debug, Message = "Shopify {Operation} for shop {Shop} succeeded (cost {RequestedCost}/{ActualCost}, available {Available}, retries {Retries}, request {RequestId})")]
    public static partial void CallSucceeded(ILogger logger, string operation, string shop, int? requestedCost, int? actualCost, double? available, int retries, string? requestId);

    [LoggerMessage(EventId = 5001, EventName = "Retrying", Level = LogLevel.Information, Message = "Shopify {Operation} for shop {Shop}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string shop, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5002, EventName = "Throttled", Level = LogLevel.Information, Message = "Shopify {Operation} for shop {Shop} was THROTTLED (requested {RequestedCost}, available {Available}); waiting for budget")]
    public static partial void Throttled(ILogger logger, string operation, string shop, int? requestedCost, double? available);

    [LoggerMessage(EventId = 5003, EventName = "AuthenticationFailed", Level = LogLevel.Error, Message = "Shopify rejected the access token of shop {Shop} (HTTP {Status}) for {Operation}")]
    public static partial void AuthenticationFailed(ILogger logger, string shop, int status, string operation);

    [LoggerMessage(EventId = 5004, EventName = "ReadOnlyRefused", Level = LogLevel.Warning, Message = "Shop {Shop} is read-only: mutation {Operation} refused before sending")]
    public static partial void ReadOnlyRefused(ILogger logger, string shop, string operation);

    [LoggerMessage(EventId = 5005, EventName = "CallFailed", Level = LogLevel.Error, Message = "Shopify {Operation} for shop {Shop} failed after {Retries} retries: {Error}")]
    public static partial void CallFailed(ILogger logger, string operation, string shop, int retries, string error);

    [LoggerMessage(EventId = 5006, EventName = "UserErrors", Level = LogLevel.Warning, Message = "Shopify {Operation} for shop {Shop} reported user errors: {Errors}")]
    public static partial void UserErrors(ILogger logger, string operation, string shop, string errors);
}
