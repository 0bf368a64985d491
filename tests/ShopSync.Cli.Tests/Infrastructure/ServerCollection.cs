namespace ShopSync.Cli.Tests.Infrastructure;

/// <summary>The CLI tests that share one real server run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "real server";
}
