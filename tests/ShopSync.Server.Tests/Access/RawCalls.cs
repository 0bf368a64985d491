using Grpc.Core;
using Grpc.Net.Client;

namespace ShopSync.Server.Tests.Access;

/// <summary>
/// Calls any RPC by its full name with an empty request (zero bytes: a valid message of every type), so a test can
/// walk every method of the rule table without a typed client, and returns the call's status.
/// </summary>
internal static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static async Task<global::Grpc.Core.Status> CallAsync(CallInvoker invoker, string fullMethod, bool serverStreaming, Metadata? headers)
    {
        var parts = fullMethod.TrimStart('/').Split('/');
        // A stream an allowed caller may open runs until its deadline: the status then is DEADLINE_EXCEEDED, never a denial.
        var options = new CallOptions(headers, TimeProvider.System.GetUtcNow().UtcDateTime + (serverStreaming ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(30)));
        try
        {
            if (serverStreaming)
            {
                var method = new Method<byte[], byte[]>(MethodType.ServerStreaming, parts[0], parts[1], Bytes, Bytes);
                using var call = invoker.AsyncServerStreamingCall(method, null, options, []);
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
                return call.GetStatus();
            }
            var unary = new Method<byte[], byte[]>(MethodType.Unary, parts[0], parts[1], Bytes, Bytes);
            using var single = invoker.AsyncUnaryCall(unary, null, options, []);
            await single.ResponseAsync;
            return single.GetStatus();
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    public static CallInvoker Invoker(Uri address, out IDisposable channel)
    {
        var grpc = GrpcChannel.ForAddress(address);
        channel = grpc;
        return grpc.CreateCallInvoker();
    }
}
