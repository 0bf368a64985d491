using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ShopSync.Shopify.Client;

/// <summary>
/// Sends one operation to one store: read-only guard, shared cost budget, retries with backoff and jitter,
/// typed reading of the answer, and one <see cref="ShopifyCallRecord"/> per call.
/// </summary>
internal sealed partial class ShopifyGraphQLTransport
{
    /// <summary>Name of the HttpClient registered for Shopify.</summary>
    public const string HttpClientName = "ShopSync.Shopify";

    private readonly IHttpClientFactory httpClientFactory;
    private readonly ShopifyRateLimitRegistry registry;
    private readonly IShopifyCallRecorder recorder;
    private readonly TimeProvider timeProvider;
    private readonly ShopifyClientOptions options;
    private readonly ILogger logger;

    public ShopifyGraphQLTransport(
        IHttpClientFactory httpClientFactory,
        ShopifyRateLimitRegistry registry,
        IShopifyCallRecorder recorder,
        TimeProvider timeProvider,
        IOptions<ShopifyClientOptions> options,
        ILogger<ShopifyGraphQLTransport> logger)
    {
        this.httpClientFactory = httpClientFactory;
        this.registry = registry;
        this.recorder = recorder;
        this.timeProvider = timeProvider;
        this.options = options.Value;
        this.options.Validate();
        this.logger = logger;
    }

    public async Task<ShopifyGraphQLResponse<TData>> ExecuteAsync<TData>(
        ShopifyShopConnection shop,
        ShopifyOperation<TData> operation,
        JsonObject? variables,
        CancellationToken cancellationToken)
    {
        var call = new CallState(shop, operation.Name, operation.IsMutation, timeProvider.GetUtcNow(), timeProvider.GetTimestamp());
        try
        {
            if (operation.IsMutation && !shop.AllowOutgoingRequests)
            {
                ShopifyClientLog.ReadOnlyRefused(logger, shop.ShopCode, operation.Name);
                throw new ShopifyReadOnlyException(shop.ShopCode, operation.Name);
            }

            var response = await SendWithRetriesAsync(call, operation, variables, cancellationToken).ConfigureAwait(false);
            Record(call, call.UserErrors is null ? ShopifyCallOutcome.Succeeded : ShopifyCallOutcome.UserErrors, call.UserErrors);
            return response;
        }
        catch (ShopifyException ex)
        {
            var outcome = ex switch
            {
                ShopifyReadOnlyException => ShopifyCallOutcome.ReadOnlyRefused,
                ShopifyAuthenticationException => ShopifyCallOutcome.AuthenticationFailed,
                ShopifyGraphQLException => ShopifyCallOutcome.GraphQLErrors,
                _ => ShopifyCallOutcome.Failed,
            };
            if (outcome is not ShopifyCallOutcome.ReadOnlyRefused and not ShopifyCallOutcome.AuthenticationFailed)
            {
                ShopifyClientLog.CallFailed(logger, operation.Name, shop.ShopCode, call.Attempts - 1, ex.Message);
            }

            Record(call, outcome, ex.Message);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(call, ShopifyCallOutcome.Cancelled, "Cancelled by the caller.");
            throw;
        }
    }

    private async Task<ShopifyGraphQLResponse<TData>> SendWithRetriesAsync<TData>(
        CallState call,
        ShopifyOperation<TData> operation,
        JsonObject? variables,
        CancellationToken cancellationToken)
    {
        var shop = call.Shop;
        var uri = ShopifyRequestBuilder.GraphQLUri(shop, options.ApiVersion);
        var budget = registry.For(shop);
        var costKey = operation.Name + "|" + (variables?["first"]?.ToJsonString() ?? "-");
        while (true)
        {
            call.Attempts++;
            var estimate = registry.Estimate(shop, costKey, operation.IsMutation, operation.EstimatedCost);
            var reservation = await budget.ReserveAsync(estimate, cancellationToken).ConfigureAwait(false);
            AttemptResult attempt;
            try
            {
                attempt = await AttemptAsync(uri, shop, operation, variables, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await budget.CompleteAsync(reservation, null, null).ConfigureAwait(false);
                throw;
            }

            await budget.CompleteAsync(reservation, attempt.Cost?.ThrottleStatus, attempt.Cost is null ? null : attempt.Cost.ActualQueryCost ?? 0).ConfigureAwait(false);
            if (attempt.Cost is { } cost)
            {
                registry.Observe(shop, costKey, cost.RequestedQueryCost);
            }

            call.Observe(attempt);
            using (attempt.Body)
            {
                switch (attempt.Kind)
                {
                    case AttemptKind.Answered:
                        return Read(call, operation, attempt);
                    case AttemptKind.Fail:
                        throw attempt.Error!;
                    case AttemptKind.Throttled:
                        call.Throttled++;
                        ShopifyClientLog.Throttled(logger, operation.Name, shop.ShopCode, attempt.Cost?.RequestedQueryCost, attempt.Cost?.ThrottleStatus?.CurrentlyAvailable);
                        break;
                }
            }

            if (call.Attempts >= options.MaxAttempts)
            {
                throw new ShopifyRequestFailedException(
                    $"Shopify {operation.Name} for shop '{shop.ShopCode}' failed after {call.Attempts} attempts: {attempt.Reason}",
                    shop.ShopCode,
                    operation.Name,
                    attempt.Error)
                {
                    RetriesExhausted = true,
                    StatusCode = attempt.HttpStatus,
                    RequestId = attempt.RequestId,
                    Retries = call.Attempts - 1,
                };
            }

            if (attempt.Kind == AttemptKind.Retry)
            {
                var delay = attempt.RetryDelay > TimeSpan.Zero ? attempt.RetryDelay : Backoff(call.Attempts);
                ShopifyClientLog.Retrying(logger, operation.Name, shop.ShopCode, call.Attempts, attempt.Reason ?? "transient", delay);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<AttemptResult> AttemptAsync<TData>(
        Uri uri,
        ShopifyShopConnection shop,
        ShopifyOperation<TData> operation,
        JsonObject? variables,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = ShopifyRequestBuilder.Build(uri, shop, operation.Name, operation.Document, variables);
        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptResult(AttemptKind.Retry, null, null, null, $"network error: {ex.Message}", Error: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(AttemptKind.Retry, null, null, null, $"no answer within {options.AttemptTimeout}", Error: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var requestId = ShopifyRequestBuilder.RequestId(response);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                ShopifyClientLog.AuthenticationFailed(logger, shop.ShopCode, status, operation.Name);
                var error = new ShopifyAuthenticationException(shop.ShopCode, operation.Name, status) { RequestId = requestId };
                return new AttemptResult(AttemptKind.Fail, status, requestId, null, error.Message, Error: error);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = ShopifyRequestBuilder.RetryAfter(response, timeProvider.GetUtcNow());
                var delay = retryAfter is { } r ? (r > options.MaxRetryAfter ? options.MaxRetryAfter : r) : TimeSpan.Zero;
                return new AttemptResult(AttemptKind.Retry, status, requestId, null, "HTTP 429 Too Many Requests", delay);
            }

            if (status >= 500)
            {
                return new AttemptResult(AttemptKind.Retry, status, requestId, null, $"HTTP {status}");
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = new ShopifyRequestFailedException(
                    $"Shopify answered {operation.Name} for shop '{shop.ShopCode}' with HTTP {status}.",
                    shop.ShopCode,
                    operation.Name)
                { StatusCode = status, RequestId = requestId };
                return new AttemptResult(AttemptKind.Fail, status, requestId, null, error.Message, Error: error);
            }

            JsonDocument body;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                body = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new AttemptResult(AttemptKind.Retry, status, requestId, null, $"answer cut off: {ex.Message}", Error: ex);
            }
            catch (JsonException ex)
            {
                body = null!;
                var error = new ShopifyRequestFailedException(
                    $"Shopify answered {operation.Name} for shop '{shop.ShopCode}' with a body that is not JSON: {ex.Message}",
                    shop.ShopCode,
                    operation.Name,
                    ex)
                { StatusCode = status, RequestId = requestId };
                return new AttemptResult(AttemptKind.Fail, status, requestId, null, error.Message, Error: error);
            }

            var cost = ShopifyResponseReader.ReadCost(body.RootElement);
            var errors = ShopifyResponseReader.ReadErrors(body.RootElement);
            if (errors.Any(e => e.Code == "THROTTLED"))
            {
                body.Dispose();
                return new AttemptResult(AttemptKind.Throttled, status, requestId, cost, "THROTTLED");
            }

            if (errors.Count > 0)
            {
                body.Dispose();
                var error = new ShopifyGraphQLException(shop.ShopCode, operation.Name, errors) { StatusCode = status, RequestId = requestId };
                return new AttemptResult(AttemptKind.Fail, status, requestId, cost, error.Message, Error: error);
            }

            return new AttemptResult(AttemptKind.Answered, status, requestId, cost, Body: body);
        }
    }
}
