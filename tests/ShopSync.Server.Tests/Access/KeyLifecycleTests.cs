using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Contracts.V1;
using ShopSync.Server.Access;

namespace ShopSync.Server.Tests.Access;

/// <summary>Keys over the API, and refusal of a revoked or expired key at once, without a restart.</summary>
public sealed class KeyLifecycleTests
{
    [Fact]
    public async Task RevokeApiKey_KeyInUse_NextCallIsUnauthenticated()
    {
        await using var server = await AccessServer.StartAsync();
        var admin = await server.CreateKeyAsync("root", Roles.Admin);
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);
        var created = await access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "ci", Role = Roles.Operator, Shops = { "demo" } }, Options(admin));
        var before = await access.WhoAmIAsync(new WhoAmIRequest(), Options(created.Secret));

        await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Key = "ci" }, Options(admin));
        var after = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Options(created.Secret)).ResponseAsync);
        var listed = await access.ListApiKeysAsync(new ListApiKeysRequest { IncludeRevoked = true }, Options(admin));

        Assert.Equal(("ci", "operator", "demo", "api-key"), (before.Principal, before.Role, Assert.Single(before.Shops), before.Authentication));
        Assert.Equal(StatusCode.Unauthenticated, after.StatusCode);
        Assert.Contains("'ci' was revoked", after.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(listed.Keys.Single(k => k.Name == "ci").RevokedAt);
        Assert.DoesNotContain(created.Secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoldJob_NoCredential_AuditedAsDeniedForNoPrincipalNotTheLocalAdmin()
    {
        await using var server = await AccessServer.StartAsync();
        var admin = await server.CreateKeyAsync("root", Roles.Admin);
        var jobs = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);
        var refused = await Assert.ThrowsAsync<RpcException>(() => jobs.HoldJobAsync(new HoldJobRequest { JobId = Guid.NewGuid().ToString() }).ResponseAsync);

        var audit = new AuditService.AuditServiceClient(server.Api.Channel.Invoker);
        var record = Assert.Single((await audit.ListAuditEventsAsync(new ListAuditEventsRequest(), Options(admin))).Events);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal((AuditOutcome.Denied, "(unauthenticated)", "UNAUTHENTICATED"), (record.Outcome, record.Principal, record.StatusCode));
    }

    [Fact]
    public async Task WhoAmI_KeyPastItsExpiry_IsUnauthenticatedAtOnce()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var server = await AccessServer.StartAsync((services, _) => services.AddSingleton<TimeProvider>(clock));
        var key = await server.CreateKeyAsync("short", Roles.Viewer, expiresAt: clock.GetUtcNow().AddHours(1));
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);
        await access.WhoAmIAsync(new WhoAmIRequest(), Options(key));

        clock.Advance(TimeSpan.FromHours(1));
        var expired = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Options(key)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, expired.StatusCode);
        Assert.Contains("'short' expired", expired.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_UnknownOrMalformedKey_IsUnauthenticatedAndRepeatedFailuresAreLimited()
    {
        await using var server = await AccessServer.StartAsync(settings: new Dictionary<string, string?> { ["Access:FailuresPerWindow"] = "3" });
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);
        var unknown = "ssk_" + new string('A', 43);

        var first = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Options(unknown)).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Options("not-a-key")).ResponseAsync);
        await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Options(unknown)).ResponseAsync);
        var limited = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Options(unknown)).ResponseAsync);
        var health = await new global::Grpc.Health.V1.Health.HealthClient(server.Api.Channel.Invoker).CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (first.StatusCode, malformed.StatusCode));
        Assert.Contains("unknown API key", first.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.ResourceExhausted, limited.StatusCode);
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task WhoAmI_NoCredentialRepeatedly_IsUnauthenticatedAndNotLimited()
    {
        await using var server = await AccessServer.StartAsync(settings: new Dictionary<string, string?> { ["Access:FailuresPerWindow"] = "2" });
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);
        var deadline = new CallOptions(deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));

        var codes = new List<StatusCode>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), deadline).ResponseAsync)).StatusCode);
        }
        var admin = await server.CreateKeyAsync("root", Roles.Admin);
        var me = await access.WhoAmIAsync(new WhoAmIRequest(), Options(admin));

        Assert.All(codes, c => Assert.Equal(StatusCode.Unauthenticated, c));
        Assert.Equal("root", me.Principal);
    }

    [Fact]
    public async Task EnqueueJob_ErpClientWithUserHeader_RecordsPrincipalOnBehalfOfUser()
    {
        await using var server = await AccessServer.StartAsync();
        var erp = await server.CreateKeyAsync("erp-prod", Roles.ErpClient);
        var viewer = await server.CreateKeyAsync("ops", Roles.Operator);
        var jobs = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);

        var byErp = await jobs.EnqueueJobsAsync(new EnqueueJobsRequest { Jobs = { Infrastructure.Requests.Diagnostics(steps: 0) } }, Options(erp, "alice"));
        var byOperator = await jobs.EnqueueJobsAsync(new EnqueueJobsRequest { Jobs = { Infrastructure.Requests.Diagnostics(steps: 0) } }, Options(viewer, "mallory"));
        var me = await access.WhoAmIAsync(new WhoAmIRequest(), Options(erp, "alice"));

        var erpJob = await jobs.GetJobAsync(new GetJobRequest { JobId = byErp.JobIds[0] }, Options(erp));
        var operatorJob = await jobs.GetJobAsync(new GetJobRequest { JobId = byOperator.JobIds[0] }, Options(erp));
        Assert.Equal("alice (via erp-prod)", erpJob.Job.CreatedBy);
        Assert.Equal("ops", operatorJob.Job.CreatedBy);
        Assert.Equal("alice", me.OnBehalfOf);
    }

    private static CallOptions Options(string key, string? user = null)
    {
        var headers = AccessServer.Bearer(key);
        if (user is not null)
        {
            headers.Add("x-shopsync-user", user);
        }
        return new CallOptions(headers, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
    }
}
