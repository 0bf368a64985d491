using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Answers one GraphQL POST the way Shopify does: auth, faults, cost check, execution, cost extension.</summary>
public sealed partial class SandboxStore
{
    internal SandboxResponse Handle(string? accessToken, string body)
    {
        lock (sync)
        {
            var requestId = string.Create(CultureInfo.InvariantCulture, $"{++requestNumber:D8}-{Guid.NewGuid():N}");
            var now = Options.TimeProvider.GetUtcNow();
            if (!string.Equals(accessToken, Options.AccessToken, StringComparison.Ordinal))
            {
                return Log(new SandboxResponse(401, new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" }, null, requestId), null, false, "unauthorized", 0, now);
            }

            JsonObject request;
            GqlOperation operation;
            string? operationName;
            Dictionary<string, JsonNode?> variables;
            try
            {
                request = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("The body is not a JSON object.");
                operationName = request["operationName"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null;
                var query = request["query"] is JsonValue q && q.TryGetValue<string>(out var text) ? text : throw new JsonException("Required parameter 'query' is missing.");
                operation = GqlParser.Parse(query, operationName);
                variables = new Dictionary<string, JsonNode?>(operation.VariableDefaults, StringComparer.Ordinal);
                if (request["variables"] is JsonObject given)
                {
                    foreach (var (key, value) in given)
                    {
                        variables[key] = value;
                    }
                }
            }
            catch (JsonException ex)
            {
                return Log(new SandboxResponse(400, new JsonObject { ["errors"] = new JsonObject { ["query"] = ex.Message } }, null, requestId), null, false, "error", 0, now);
            }
            catch (GqlSyntaxException ex)
            {
                return Log(Errors(requestId, ex.Message, "SYNTAX_ERROR", null), null, false, "error", 0, now);
            }

            operationName ??= operation.Name;
            if (faults.TryDequeue(out var fault))
            {
                return Log(Fault(fault, requestId, operation), operationName, operation.IsMutation, $"fault:{fault.Kind}", 0, now);
            }

            var known = operation.IsMutation ? SandboxMutations.Fields : SandboxQueries.Fields;
            var unknown = operation.Selections.FirstOrDefault(f => f.IsFragment || !known.Contains(f.Name));
            if (unknown is not null)
            {
                var root = operation.IsMutation ? "Mutation" : "QueryRoot";
                return Log(Errors(requestId, $"Field '{unknown.Name}' doesn't exist on type '{root}'", "undefinedField", null), operationName, operation.IsMutation, "error", 0, now);
            }

            var requested = GqlCost.Requested(operation, variables);
            var maxCost = (int)Math.Min(Options.MaxSingleQueryCost, bucket.Maximum);
            if (requested > maxCost)
            {
                var message = $"Query cost is {requested}, which exceeds the single query max cost limit ({maxCost}).";
                return Log(Errors(requestId, message, "MAX_COST_EXCEEDED", Cost(requested, null)), operationName, operation.IsMutation, "MAX_COST_EXCEEDED", requested, now);
            }

            if (!bucket.TryTake(requested))
            {
                return Log(Throttled(requestId, requested), operationName, operation.IsMutation, "THROTTLED", requested, now);
            }

            var result = Execute(operation, variables, now, out var actual);
            bucket.Refund(Math.Max(0, requested - actual));
            if (result is SandboxResponse failed)
            {
                return Log(failed with { RequestId = requestId }, operationName, operation.IsMutation, "error", requested, now);
            }

            if (operationName is not null && lostAnswers.Remove(operationName))
            {
                return Log(new SandboxResponse(0, null, null, requestId, Abort: true), operationName, operation.IsMutation, "lost-answer", requested, now);
            }

            var answer = new JsonObject { ["data"] = (JsonObject)result, ["extensions"] = new JsonObject { ["cost"] = Cost(requested, actual) } };
            return Log(new SandboxResponse(200, answer, null, requestId), operationName, operation.IsMutation, "ok", requested, now);
        }
    }

    private object Execute(GqlOperation operation, Dictionary<string, JsonNode?> variables, DateTimeOffset now, out int actualCost)
    {
        var projector = new GqlProjector(variables);
        var result = new JsonObject();
        try
        {
            foreach (var field in operation.Selections)
            {
                JsonNode? Argument(string name) => field.Arguments.GetValueOrDefault(name)?.Resolve(variables);
                object? value = operation.IsMutation
                    ? SandboxMutations.Run(field.Name, new SandboxMutationContext(data, now, Argument))
                    : SandboxQueries.Resolve(data, field.Name, Argument);
                result[field.ResponseKey] = projector.Value(field, value);
            }
        }
        catch (GqlSyntaxException ex)
        {
            actualCost = 0;
            return Errors(string.Empty, ex.Message, "argumentLiteralsIncompatible", null);
        }

        actualCost = operation.IsMutation ? GqlCost.MutationCost : projector.ActualCost;
        return result;
    }

    private SandboxResponse Fault(SandboxFault fault, string requestId, GqlOperation operation) => fault.Kind switch
    {
        SandboxFaultKind.TooManyRequests => new SandboxResponse(
            429,
            new JsonObject { ["errors"] = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." },
            fault.RetryAfterSeconds,
            requestId),
        SandboxFaultKind.InternalServerError => new SandboxResponse(500, new JsonObject { ["errors"] = "Internal Server Error" }, null, requestId),
        SandboxFaultKind.ServiceUnavailable => new SandboxResponse(503, new JsonObject { ["errors"] = "Service Unavailable" }, null, requestId),
        SandboxFaultKind.Disconnect => new SandboxResponse(0, null, null, requestId, Abort: true),
        _ => Throttled(requestId, operation.IsMutation ? GqlCost.MutationCost : 1),
    };

    private SandboxResponse Throttled(string requestId, int requested) =>
        Errors(requestId, "Throttled", "THROTTLED", Cost(requested, null), "https://shopify.dev/api/usage/rate-limits");

    private static SandboxResponse Errors(string requestId, string message, string code, JsonObject? cost, string? documentation = null)
    {
        var extensions = new JsonObject { ["code"] = code };
        if (documentation is not null)
        {
            extensions["documentation"] = documentation;
        }

        var body = new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = extensions }) };
        if (cost is not null)
        {
            body["extensions"] = new JsonObject { ["cost"] = cost };
        }

        return new SandboxResponse(200, body, null, requestId);
    }

    private JsonObject Cost(int requested, int? actual) => new()
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = actual,
        ["throttleStatus"] = new JsonObject
        {
            ["maximumAvailable"] = bucket.Maximum,
            ["currentlyAvailable"] = (int)Math.Floor(bucket.Available),
            ["restoreRate"] = bucket.RestoreRate,
        },
    };

    private SandboxResponse Log(SandboxResponse response, string? operationName, bool isMutation, string outcome, int requested, DateTimeOffset now)
    {
        requests.Add(new SandboxRequest(operationName, isMutation, response.Status, outcome, requested, now, response.RequestId));
        return response;
    }
}
