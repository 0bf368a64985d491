namespace ShopSync.Queue.Storage;

/// <summary>What a claim found in one category.</summary>
public enum CategoryClaimStatus
{
    /// <summary>An entry was claimed.</summary>
    Claimed = 1,

    /// <summary>Nothing is due; <see cref="CategoryClaim.NextDueAt"/> says when something will be.</summary>
    Empty = 2,

    /// <summary>Another entry of the category is In Process (possibly on another node).</summary>
    Busy = 3,
}
