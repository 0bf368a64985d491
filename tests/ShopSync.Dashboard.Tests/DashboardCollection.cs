namespace ShopSync.Dashboard.Tests;

/// <summary>The tests sharing one server and one browser; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
