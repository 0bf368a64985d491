namespace ShopSync.Shopify.Client;

/// <summary>
/// The result of a mutation over many input records: one outcome per input index, with the userErrors
/// whose field path points at that record. Errors that name no record are in <see cref="UnattributedErrors"/>
/// (and then every record is treated as failed, since Shopify applies these mutations all-or-nothing).
/// </summary>
public sealed record ShopifyBatchResult(IReadOnlyList<ShopifyRecordOutcome> Records, IReadOnlyList<ShopifyUserError> UnattributedErrors)
{
    /// <summary>True when no record failed.</summary>
    public bool Succeeded => UnattributedErrors.Count == 0 && Records.All(r => r.Succeeded);

    /// <summary>The failed records.</summary>
    public IEnumerable<ShopifyRecordOutcome> Failed => Records.Where(r => !r.Succeeded);

    /// <summary>Maps userErrors to input indexes using the number that follows <paramref name="collectionField"/> in each error's field path.</summary>
    public static ShopifyBatchResult From(int count, IReadOnlyList<ShopifyUserError> errors, string collectionField)
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
            records[i] = new ShopifyRecordOutcome(i, own.Count == 0 && unattributed.Count == 0, own);
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
/// <param name="Succeeded">False when an error names this record or the whole batch failed.</param>
/// <param name="Errors">The userErrors naming this record.</param>
public sealed record ShopifyRecordOutcome(int Index, bool Succeeded, IReadOnlyList<ShopifyUserError> Errors);
