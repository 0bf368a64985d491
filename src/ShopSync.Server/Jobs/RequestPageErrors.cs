using Google.Rpc;
using Grpc.Core;
using ShopSync.Queue.Filters;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Jobs;

/// <summary>
/// Turns filter problems into INVALID_ARGUMENT with one BadRequest violation per problem, each pointing
/// at the request field (<c>filters[i].field</c>, <c>filters[i].expression</c>, <c>options[i].value</c>).
/// </summary>
internal static class RequestPageErrors
{
    public static RpcException ToRpc(
        FilterValidationException e,
        IReadOnlyList<(string Field, string Expression)> filters,
        IReadOnlyList<(string Name, string Value)> options,
        string prefix = "")
    {
        var badRequest = new BadRequest();
        foreach (var p in e.Problems)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = prefix + FieldPath(p, filters, options),
                Description = p.Message,
            });
        }
        return RpcErrors.WithDetails(StatusCode.InvalidArgument, e.Message, badRequest);
    }

    /// <summary>The request field of a problem, from the index the validator recorded (linear in the problems).</summary>
    public static string FieldPath(
        FilterProblem p, IReadOnlyList<(string Field, string Expression)> filters, IReadOnlyList<(string Name, string Value)> options)
    {
        if (p.Kind == FilterProblemKind.Option)
        {
            return p.Index is { } i && i < options.Count
                ? $"options[{i}].{(p.Message.StartsWith("unknown", StringComparison.Ordinal) ? "name" : "value")}"
                : "options";
        }
        return p.Index is { } j && j < filters.Count ? $"filters[{j}].{(p.Position is null ? "field" : "expression")}" : "filters";
    }
}
