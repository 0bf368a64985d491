using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>Sends one posted shipment as a fulfillment of its order's open fulfillment order lines, and records the state on it.</summary>
internal sealed class FulfillmentSender(SyncSession session)
{
    public long Sent { get; private set; }
    public long Failed { get; private set; }
    public long Skipped { get; private set; }

    public async Task SendAsync(ErpPostedShipmentEntity shipment, CancellationToken cancellationToken)
    {
        var lines = shipment.Lines.Where(l => l.LineType == ErpSalesLineType.Item && l.ShopifyLineItemId is not null && l.Quantity > 0).ToList();
        if (lines.Count == 0 || shipment.ShopifyOrderId is null)
        {
            Skip(shipment, ErpFulfillmentState.Skipped, "the shipment has no item lines of the Shopify order");
            return;
        }
        try
        {
            var fulfillmentOrders = await session.Client.GetFulfillmentOrdersAsync(shipment.ShopifyOrderId, cancellationToken);
            var byOrder = new Dictionary<string, List<ShopifyFulfillmentLineInput>>();
            foreach (var line in lines)
            {
                var left = (int)line.Quantity;
                foreach (var fo in fulfillmentOrders)
                {
                    foreach (var foLine in fo.LineItems.Nodes.Where(n => n.LineItem.Id == line.ShopifyLineItemId && n.RemainingQuantity > 0))
                    {
                        var take = Math.Min(left, foLine.RemainingQuantity);
                        if (take <= 0)
                        {
                            continue;
                        }
                        (byOrder.TryGetValue(fo.Id, out var list) ? list : byOrder[fo.Id] = []).Add(new ShopifyFulfillmentLineInput(foLine.Id, take));
                        left -= take;
                    }
                }
            }
            if (byOrder.Count == 0)
            {
                Skip(shipment, ErpFulfillmentState.Skipped, "nothing is left to fulfil for these lines in Shopify");
                return;
            }
            var tracking = shipment.TrackingNumber is null && shipment.TrackingCompany is null
                ? null
                : new ShopifyTrackingInput(shipment.TrackingCompany, shipment.TrackingNumber, shipment.TrackingUrl);
            var input = new ShopifyFulfillmentInput(
                byOrder.Select(kv => new ShopifyFulfillmentOrderLines(kv.Key, kv.Value)).ToList(), tracking, session.Shop.SendShippingConfirmation);
            var result = await session.Client.CreateFulfillmentAsync(input, $"Shipment {shipment.No}", cancellationToken);
            if (result.Succeeded && result.Value is { } fulfillment)
            {
                shipment.FulfillmentState = ErpFulfillmentState.Sent;
                shipment.ShopifyFulfillmentId = fulfillment.Id;
                shipment.FulfillmentError = null;
                Sent++;
                session.Progress.Add(done: 1);
                return;
            }
            Fail(shipment, string.Join("; ", result.UserErrors.Select(e => e.Message)));
        }
        catch (ShopifyReadOnlyException e)
        {
            // Stays Pending: it is sent once the shop allows outgoing requests again.
            Skip(shipment, ErpFulfillmentState.Pending, e.Message);
        }
        catch (ShopifyGraphQLException e)
        {
            Fail(shipment, e.Message);
        }
    }

    private void Skip(ErpPostedShipmentEntity shipment, ErpFulfillmentState state, string reason)
    {
        shipment.FulfillmentState = state;
        shipment.FulfillmentError = reason;
        Skipped++;
        session.Progress.Add(skipped: 1);
    }

    private void Fail(ErpPostedShipmentEntity shipment, string message)
    {
        shipment.FulfillmentState = ErpFulfillmentState.Error;
        shipment.FulfillmentError = message.Length > 1000 ? message[..1000] : message;
        Failed++;
        session.Progress.Add(failed: 1);
    }
}
