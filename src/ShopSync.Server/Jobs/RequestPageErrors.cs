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

    public static string FieldPath(
        FilterProblem p, IReadOnlyList<(string Field, string Expression)> filters, IReadOnlyList<(string Name, string Value)> options)
    {
        if (p.Kind == FilterProblemKind.Option)
        {
            var i = IndexOf(options.Select(o => o.Name), p.Name);
            return i < 0 ? "options" : $"options[{i}].{(p.Message.StartsWith("unknown", StringComparison.Ordinal) ? "name" : "value")}";
        }
        var j = IndexOf(filters.Select(f => f.Field), p.Name);
        return j < 0 ? "filters" : $"filters[{j}].{(p.Position is null ? "field" : "expression")}";
    }

    private static int IndexOf(IEnumerable<string> names, string name)
    {
        var i = 0;
        foreach (var n in names)
        {
            if (string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
            i++;
        }
        return -1;
    }
}
