using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopSync.Storage.Postgres.DataProtection;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The Data Protection key ring in PostgreSQL, shared by every node on the database.</summary>
public sealed class PostgresXmlRepositoryTests : IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> _sources = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(PostgresXmlRepositoryTests));

    [Fact]
    public async Task StoreElement_OnOneNode_ReadOnAnotherInOrderAndReplacedByName()
    {
        var a = await RepositoryAsync();
        var b = await RepositoryAsync();

        a.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");
        b.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        a.StoreElement(new XElement("key", new XAttribute("id", "1b")), "key-1");

        Assert.Equal(["1b", "2"], b.GetAllElements().Select(e => (string)e.Attribute("id")!));
    }

    [Fact]
    public async Task Protect_OnNodeA_UnprotectsOnNodeB()
    {
        using var nodeA = Provider(await RepositoryAsync());
        using var nodeB = Provider(await RepositoryAsync());

        var secret = nodeA.GetRequiredService<IDataProtectionProvider>().CreateProtector("shops").Protect("shpat_secret");

        Assert.Equal("shpat_secret", nodeB.GetRequiredService<IDataProtectionProvider>().CreateProtector("shops").Unprotect(secret));
    }

    public async Task DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }

    private static ServiceProvider Provider(PostgresXmlRepository repository)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("ShopSync");
        services.AddOptions<KeyManagementOptions>().Configure(o => o.XmlRepository = repository);
        return services.BuildServiceProvider();
    }

    private async Task<PostgresXmlRepository> RepositoryAsync()
    {
        var source = NpgsqlDataSource.Create(_connectionString);
        _sources.Add(source);
        var repository = new PostgresXmlRepository(source);
        await repository.InitializeAsync(CancellationToken.None);
        return repository;
    }
}
