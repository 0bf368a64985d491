namespace ShopSync.Shopify.Client;

/// <summary>One store's cost budget as the transport uses it: in this process (<see cref="ShopifyCostBudget"/>) or shared by nodes (<see cref="SharedCostBudget"/>).</summary>
internal interface ICostBudget
{
    /// <summary>Waits for budget and reserves <paramref name="cost"/> points.</summary>
    ValueTask<CostReservation> ReserveAsync(double cost, CancellationToken cancellationToken);

    /// <summary>Ends a reservation with what the store reported (see <see cref="ShopifyCostBudget.Complete"/>).</summary>
    ValueTask CompleteAsync(CostReservation reservation, ShopifyThrottleStatus? status, double? charged);

    /// <summary>The modelled bucket now.</summary>
    ShopifyThrottleSnapshot Snapshot();
}
