using Google.Rpc;
using Grpc.Core;

namespace ShopSync.Cli.Infrastructure;

/// <summary>Turns a failed call into one line (what was wrong, the server's words) and an exit code.</summary>
internal static class CliErrors
{
    public static (int ExitCode, string Line) Describe(RpcException e, string command, Uri server)
    {
        var code = e.StatusCode;
        var name = CodeName(code);
        return code switch
        {
            StatusCode.Unavailable => (ExitCodes.Unavailable,
                $"{command}: cannot reach the ShopSync server at {server} ({name}: {e.Status.Detail}); is it running? Set --server or SHOPSYNC_SERVER"),
            StatusCode.DeadlineExceeded => (ExitCodes.Unavailable,
                $"{command}: the server at {server} did not answer in time ({name}: {e.Status.Detail})"),
            StatusCode.Unimplemented => (ExitCodes.Failed,
                $"{command}: the server at {server} does not implement this yet ({name}: {e.Status.Detail})"),
            StatusCode.Unauthenticated => (ExitCodes.Denied,
                $"{command}: {e.Status.Detail} ({name}); pass --token, SHOPSYNC_TOKEN or --token-file"),
            StatusCode.PermissionDenied => (ExitCodes.Denied, $"{command}: {e.Status.Detail} ({name})"),
            StatusCode.NotFound => (ExitCodes.NotFound, $"{command}: {e.Status.Detail} ({name})"),
            StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.OutOfRange =>
                (ExitCodes.Rejected, $"{command}: {WithDetails(e)} ({name})"),
            _ => (ExitCodes.Failed, $"{command}: {WithDetails(e)} ({name})"),
        };
    }

    private static string WithDetails(RpcException e)
    {
        var detail = e.Status.Detail;
        var status = e.GetRpcStatus();
        var parts = new List<string>();
        if (status?.GetDetail<BadRequest>() is { } badRequest)
        {
            foreach (var v in badRequest.FieldViolations)
            {
                // The server's sentences often name the field already ("filter \"Tags\": …").
                parts.Add(v.Description.Contains(v.Field, StringComparison.OrdinalIgnoreCase) ? v.Description : $"{v.Field}: {v.Description}");
            }
        }
        if (status?.GetDetail<PreconditionFailure>() is { } precondition)
        {
            parts.AddRange(precondition.Violations.Select(v => $"{v.Subject}: {v.Description}"));
        }
        parts = parts.Where(p => !string.Equals(p, detail, StringComparison.Ordinal)).Distinct().ToList();
        if (parts.Count == 0)
        {
            return detail.Length > 0 ? detail : "the server gave no message";
        }
        var joined = string.Join("; ", parts);
        return detail.Length == 0 || joined.Contains(detail, StringComparison.Ordinal) ? joined : $"{detail} [{joined}]";
    }

    public static string CodeName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => code.ToString().ToUpperInvariant(),
    };
}
