using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Testing;
using ShopSync.Grpc.Server;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>
/// grpc.testing.TestService as the interop cases expect it (grpc/grpc doc/interop-test-descriptions.md): echo
/// status, echo metadata, compressed requests/responses, sized payloads, response intervals. UnimplementedCall is
/// deliberately missing so it answers UNIMPLEMENTED.
/// </summary>
internal sealed class InteropTestService(InteropSignals signals) : IGrpcService
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public static ServiceDescriptor Descriptor => TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService");

    public Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context).ConfigureAwait(false);
        if (request.ExpectCompressed?.Value == true && !IsRequestCompressed(context))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Expected a compressed request."));
        }
        ThrowIfStatusRequested(request.ResponseStatus);
        if (request.ResponseCompressed?.Value == true)
        {
            context.ResponseCompression = "gzip";
        }
        return new SimpleResponse { Payload = CreatePayload(request.ResponseSize) };
    }

    public async Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        try
        {
            await EchoMetadataAsync(context).ConfigureAwait(false);
            await WriteResponsesAsync(request, responses, context).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            signals.StreamCancelled.TrySetResult(true);
            throw;
        }
        ThrowIfStatusRequested(request.ResponseStatus);
    }

    public async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requests, ServerCallContext context)
    {
        var total = 0;
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            total += requests.Current.Payload?.Body.Length ?? 0;
        }
        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        await EchoMetadataAsync(context).ConfigureAwait(false);
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = requests.Current;
            ThrowIfStatusRequested(request.ResponseStatus);
            await WriteResponsesAsync(request, responses, context).ConfigureAwait(false);
        }
    }

    private static async Task WriteResponsesAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        var anyCompressed = request.ResponseParameters.Any(p => p.Compressed?.Value == true);
        if (anyCompressed && !context.HttpContext.Response.HasStarted)
        {
            context.ResponseCompression = "gzip";
        }
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                // The client asks for this pause (interop "interval_us"); the deadline or a reset cancels it.
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken).ConfigureAwait(false);
            }
            responses.WriteOptions = parameters.Compressed?.Value == true ? null : WriteOptions.NoCompression;
            await responses.WriteAsync(new StreamingOutputCallResponse { Payload = CreatePayload(parameters.Size) }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue(EchoInitialKey) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata().Add(EchoInitialKey, initial), context.CancellationToken).ConfigureAwait(false);
        }
        if (context.RequestHeaders.GetValueBytes(EchoTrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing);
        }
    }

    private static bool IsRequestCompressed(ServerCallContext context)
    {
        var encoding = context.HttpContext.Request.Headers["grpc-encoding"].ToString();
        return encoding.Length > 0 && encoding != "identity";
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static Payload CreatePayload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
