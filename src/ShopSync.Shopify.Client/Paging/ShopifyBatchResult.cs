namespace ShopSync.Shopify.Client;

/// <summary>
/// The result of a mutation over many input records: one outcome per input index, with the userErrors
/// whose field path points at that record; errors that name no record are in <see cref="UnattributedErrors"/>.
/// Shopify applies inventory, variant-price and price-list batches all-or-nothing: when any record fails,
/// no record is applied, so the others come back with <see cref="ShopifyRecordOutcome.Succeeded"/> false and
/// no errors of their own (send them again without the failing ones).
/// </summary>
public sealed record ShopifyBatchResult(IReadOnlyList<ShopifyRecordOutcome> Records, IReadOnlyList<ShopifyUserError> UnattributedErrors)
{
    /// <summary>True when no record failed.</summary>
    public bool Succeeded => UnattributedErrors.Count == 0 && Records.All(r => r.Succeeded);

    /// <summary>The failed records.</summary>
    public IEnumerable<ShopifyRecordOutcome> Failed => Records.Where(r => !r.Succeeded);

    /// <summary>Maps userErrors to input indexes using the number that follows <paramref name="collectionField"/> in each error's field path.</summary>
    /// <param name="count">Number of input records.</param>
    /// <param name="errors">The payload's userErrors.</param>
    /// <param name="collectionField">The input list's field name, e.g. <c>quantities</c>.</param>
    /// <param name="allOrNothing">True when one failing record means none was applied.</param>
    public static ShopifyBatchResult From(int count, IReadOnlyList<ShopifyUserError> errors, string collectionField, bool allOrNothing = true)
    {
        var perRecord = new List<ShopifyUserError>[count];
        var unattributed = new List<ShopifyUserError>();
        foreach (var error in errors)
        {
            var index = IndexOf(error, collectionField);
            if (index is { } i && i >= 0 && i < count)
            {
                (perRecord[i] ??= []).Add(error);
            }
            else
            {
                unattributed.Add(error);
            }
        }

        var records = new ShopifyRecordOutcome[count];
        for (var i = 0; i < count; i++)
        {
            IReadOnlyList<ShopifyUserError> own = perRecord[i] ?? [];
            var batchFailed = unattributed.Count > 0 || (allOrNothing && errors.Count > 0);
            records[i] = new ShopifyRecordOutcome(i, own.Count == 0 && !batchFailed, own);
        }

        return new ShopifyBatchResult(records, unattributed);
    }

    private static int? IndexOf(ShopifyUserError error, string collectionField)
    {
        if (error.Field is not { } path)
        {
            return null;
        }

        for (var i = 0; i < path.Count - 1; i++)
        {
            if (path[i] == collectionField && int.TryParse(path[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }

        return null;
    }
}

/// <summary>The outcome of one input record of a batch mutation.</summary>
/// <param name="Index">Index of the record in the input list.</param>
/// <param name="Succeeded">True when the record was applied; false when an error names it or the batch was rejected.</param>
/// <param name="Errors">The userErrors naming this record.</param>
public sealed record ShopifyRecordOutcome(int Index, bool Succeeded, IReadOnlyList<ShopifyUserError> Errors);
