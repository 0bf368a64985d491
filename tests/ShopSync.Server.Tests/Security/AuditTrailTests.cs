using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ShopSync.Client;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Security;

/// <summary>
/// The audit trail through the real server: allowed, failed and denied mutating calls, reads left out, and
/// ListAuditEvents' filters and paging. Denials come from a test interceptor registered after the server's own
/// (where the authorization interceptor sits), throwing PERMISSION_DENIED as it does.
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task CreateShop_Allowed_RecordedOnceWithCallerTargetOutcomeAndPeer()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = Client(server, user: "erp-user");

        await client.Shops.CreateShopAsync(new CreateShopRequest { Shop = new Shop { Code = "audited", ShopifyUrl = "audited" } });
        await client.Shops.GetShopAsync(new GetShopRequest { Code = "audited" });
        await client.Shops.ListShopsAsync(new ListShopsRequest());

        var record = Assert.Single((await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest())).Events);
        Assert.Equal("local", record.Principal);
        Assert.Equal("erp-user", record.OnBehalfOf);
        Assert.Equal("shopsync.v1.ShopService/CreateShop", record.Rpc);
        Assert.Equal("shop/audited", record.Target);
        Assert.Equal("audited", record.Shop);
        Assert.Equal(AuditOutcome.Succeeded, record.Outcome);
        Assert.Equal("OK", record.StatusCode);
        Assert.StartsWith("ipv4:127.0.0.1:", record.Peer, StringComparison.Ordinal);
        Assert.InRange(record.Time.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task EnqueueAndHold_Allowed_EachRecordedWithItsTarget()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = Client(server);
        var running = await server.Api.EnqueueBackgroundAsync(Requests.Gated());
        await server.Gate.WaitStartedAsync(running);
        var waiting = await server.Api.EnqueueBackgroundAsync(Requests.Gated());

        await server.Api.JobsAsync<HoldJobRequest, HoldJobResponse>("HoldJob", new HoldJobRequest { JobId = waiting });

        var events = (await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest())).Events;
        Assert.Equal(
            ["shopsync.v1.JobQueueService/HoldJob", "shopsync.v1.JobQueueService/EnqueueJob", "shopsync.v1.JobQueueService/EnqueueJob"],
            events.Select(e => e.Rpc));
        Assert.Equal("job/" + waiting, events[0].Target);
        Assert.Equal("report/91002", events[1].Target);
        Assert.All(events, e => Assert.Equal(AuditOutcome.Succeeded, e.Outcome));
    }

    [Fact]
    public async Task CreateAndRevokeApiKey_Allowed_RecordedWithTheKeysNameNeverItsSecret()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = Client(server);

        var created = await client.Access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "ci-runner", Role = "operator" });
        await client.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Key = created.Key.Id });

        var events = (await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest())).Events;
        Assert.Equal(["api_key/" + created.Key.Id, "api_key/ci-runner"], events.Select(e => e.Target));
        Assert.All(events, e => Assert.DoesNotContain(created.Secret, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateShop_UnknownShop_RecordedAsFailedWithTheStatus()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = Client(server);

        await Assert.ThrowsAsync<RpcException>(() => client.Shops.UpdateShopAsync(new UpdateShopRequest { Shop = new Shop { Code = "ghost", ApiVersion = "2025-07" } }));

        var record = Assert.Single((await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest())).Events);
        Assert.Equal(AuditOutcome.Failed, record.Outcome);
        Assert.Equal("NOT_FOUND", record.StatusCode);
        Assert.Equal("shop/ghost", record.Target);
    }

    [Fact]
    public async Task DeleteShop_DeniedByAnInnerInterceptor_RecordedAsDeniedAndNothingChanges()
    {
        await using var server = await InProcessServer.StartAsync((services, _) =>
            services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<DenyDeleteShop>()));
        using var client = Client(server);
        await client.Shops.CreateShopAsync(new CreateShopRequest { Shop = new Shop { Code = "kept", ShopifyUrl = "kept" } });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.Shops.DeleteShopAsync(new DeleteShopRequest { Code = "kept" }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var denied = Assert.Single((await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Rpc = "DeleteShop" })).Events);
        Assert.Equal(AuditOutcome.Denied, denied.Outcome);
        Assert.Equal("PERMISSION_DENIED", denied.StatusCode);
        Assert.Equal(DenyDeleteShop.Message, denied.Detail);
        Assert.Equal("shop/kept", denied.Target);
        await client.Shops.GetShopAsync(new GetShopRequest { Code = "kept" });
    }

    [Fact]
    public async Task ListAuditEvents_FiltersAndPages_NewestFirstWithoutGapsOrRepeats()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = Client(server);
        foreach (var code in new[] { "s1", "s2", "s3", "s4", "s5" })
        {
            await client.Shops.CreateShopAsync(new CreateShopRequest { Shop = new Shop { Code = code, ShopifyUrl = code } });
        }
        await client.Shops.DeleteShopAsync(new DeleteShopRequest { Code = "s2" });

        var paged = new List<AuditEvent>();
        var request = new ListAuditEventsRequest { PageSize = 2 };
        do
        {
            var page = await client.Audit.ListAuditEventsAsync(request);
            Assert.True(page.Events.Count <= 2);
            paged.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        var forShop = await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Shop = "S2" });
        var creates = await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Rpc = "shopsync.v1.ShopService/CreateShop" });
        var nobody = await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Principal = "someone-else" });
        var future = await client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest
        {
            Since = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
        });

        Assert.Equal(6, paged.Count);
        Assert.Equal(paged.Select(e => e.Id).OrderDescending(), paged.Select(e => e.Id));
        Assert.Equal(["DeleteShop", "CreateShop"], forShop.Events.Select(e => e.Rpc[(e.Rpc.IndexOf('/') + 1)..]));
        Assert.Equal(5, creates.Events.Count);
        Assert.Empty(nobody.Events);
        Assert.Empty(future.Events);
    }

    [Fact]
    public async Task ListAuditEvents_BadPageToken_InvalidArgumentNamingPageToken()
    {
        await using var server = await InProcessServer.StartAsync();
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.Audit.ListAuditEventsAsync(new ListAuditEventsRequest { PageToken = "bm90LWEtbnVtYmVy" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail, StringComparison.Ordinal);
    }

    private static ShopSyncClient Client(InProcessServer server, string? user = null) => ShopSyncClient.Create(new ShopSyncClientOptions
    {
        Address = server.Address,
        User = user,
    });

    /// <summary>Stands in for the authorization interceptor: refuses DeleteShop as it refuses a missing permission.</summary>
    private sealed class DenyDeleteShop : Interceptor
    {
        public const string Message = "permission shops.delete is required";

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            context.Method.EndsWith("/DeleteShop", StringComparison.Ordinal)
                ? throw new RpcException(new global::Grpc.Core.Status(StatusCode.PermissionDenied, Message))
                : continuation(request, context);
    }
}
