using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ShopSync.Shopify.Client;

/// <summary>Reading an answer into a typed response, the backoff between attempts, and the call record.</summary>
internal sealed partial class ShopifyGraphQLTransport
{
    private ShopifyGraphQLResponse<TData> Read<TData>(CallState call, ShopifyOperation<TData> operation, AttemptResult attempt)
    {
        var root = attempt.Body!.RootElement;
        if (!root.TryGetProperty("data", out var dataElement) || dataElement.ValueKind != JsonValueKind.Object)
        {
            throw new ShopifyRequestFailedException(
                $"Shopify answered {operation.Name} for shop '{call.Shop.ShopCode}' without data.",
                call.Shop.ShopCode,
                operation.Name)
            { StatusCode = attempt.HttpStatus, RequestId = attempt.RequestId, Retries = call.Attempts - 1 };
        }

        var data = dataElement.Deserialize(operation.DataType)
            ?? throw new ShopifyRequestFailedException($"Shopify answered {operation.Name} with empty data.", call.Shop.ShopCode, operation.Name);
        call.UserErrors = ShopifyResponseReader.DescribeUserErrors(dataElement);
        if (call.UserErrors is not null)
        {
            ShopifyClientLog.UserErrors(logger, operation.Name, call.Shop.ShopCode, call.UserErrors);
        }

        ShopifyClientLog.CallSucceeded(
            logger,
            operation.Name,
            call.Shop.ShopCode,
            attempt.Cost?.RequestedQueryCost,
            attempt.Cost?.ActualQueryCost,
            attempt.Cost?.ThrottleStatus?.CurrentlyAvailable,
            call.Attempts - 1,
            attempt.RequestId);
        return new ShopifyGraphQLResponse<TData>(data, attempt.Cost, attempt.RequestId, call.Attempts - 1);
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);

        // Jitter in [50 %, 100 %] so that workers retrying together spread out.
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    private void Record(CallState call, ShopifyCallOutcome outcome, string? error)
    {
        recorder.Record(new ShopifyCallRecord(
            call.Shop.ShopCode,
            call.Shop.BaseUrl.ToString(),
            call.OperationName,
            call.IsMutation,
            outcome,
            call.LastStatus,
            call.LastCost?.RequestedQueryCost,
            call.LastCost?.ActualQueryCost,
            Math.Max(0, call.Attempts - 1),
            call.Throttled,
            call.LastRequestId,
            error,
            call.StartedAt,
            timeProvider.GetElapsedTime(call.StartTimestamp)));
    }
}
