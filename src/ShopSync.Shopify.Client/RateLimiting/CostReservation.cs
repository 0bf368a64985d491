namespace ShopSync.Shopify.Client;

/// <summary>Points taken from a store's modelled bucket for one attempt; given back to the budget when it ends.</summary>
internal sealed record CostReservation(double Cost, bool HoldsGate);
