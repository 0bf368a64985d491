namespace ShopSync.Server.Tests.Cluster;

/// <summary>The multi-node tests run one at a time: each runs several nodes on the shared 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FeedCollection
{
    public const string Name = "Several nodes on PostgreSQL";
}
