using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Server.Tests.Sync;

/// <summary>
/// Passes records on, and after the <c>n</c>-th successful call of one operation makes the sandbox fail the next
/// calls: a run "crashes" right after a page was read, the way a store outage would end it.
/// </summary>
internal sealed class FaultAfterCallsRecorder(IShopifyCallRecorder inner, Func<SandboxStore> store, string operation, int afterCalls, int faults) : IShopifyCallRecorder
{
    private int _calls;

    public void Record(ShopifyCallRecord record)
    {
        inner.Record(record);
        if (record.OperationName == operation && record.Outcome == ShopifyCallOutcome.Succeeded && Interlocked.Increment(ref _calls) == afterCalls)
        {
            store().InjectFaults(new SandboxFault(SandboxFaultKind.ServiceUnavailable), faults);
        }
    }
}
