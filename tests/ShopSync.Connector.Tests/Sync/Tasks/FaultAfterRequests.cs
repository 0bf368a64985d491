using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Makes the sandbox fail once a number of requests went through (a store outage in the middle of a run).</summary>
internal sealed class FaultAfterRequests
{
    private readonly SandboxStore _store;
    private int _remaining = -1;
    private SandboxFault? _fault;
    private int _count;

    public FaultAfterRequests(SandboxStore store) => _store = store;

    /// <summary>After <paramref name="requests"/> more requests, the next <paramref name="count"/> get <paramref name="fault"/>.</summary>
    public void Arm(int requests, SandboxFault fault, int count)
    {
        _fault = fault;
        _count = count;
        Volatile.Write(ref _remaining, requests);
    }

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this) { InnerHandler = inner };

    private void BeforeRequest()
    {
        if (Volatile.Read(ref _remaining) >= 0 && Interlocked.Decrement(ref _remaining) == -1)
        {
            _store.InjectFaults(_fault!, _count);
        }
    }

    private sealed class Handler(FaultAfterRequests owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner.BeforeRequest();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
