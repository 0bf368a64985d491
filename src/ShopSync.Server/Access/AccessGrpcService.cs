using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Entries;
using ShopSync.Server.Access.Keys;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Access;

/// <summary>shopsync.v1.AccessService: who am I, and the API keys (admins).</summary>
internal sealed class AccessGrpcService(IApiKeyStore store, ApiKeyCache cache, TimeProvider time) : AccessService.AccessServiceBase
{
    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var response = new WhoAmIResponse
        {
            Principal = AccessClaims.NameOf(user),
            Role = AccessClaims.RoleOf(user) ?? "",
            Authentication = user.FindFirst(AccessClaims.Authentication)?.Value ?? "",
            OnBehalfOf = AccessClaims.OnBehalfOfOf(user) ?? "",
        };
        response.Shops.AddRange(AccessClaims.ShopsOf(user));
        return Task.FromResult(response);
    }

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        try
        {
            var (key, secret) = await ApiKeyIssuer.CreateAsync(
                store, request.Name, request.Role, request.Shops, Jobs.JobRequests.Time(request.ExpiresAt, "expires_at"),
                CallAuthenticator.Describe(context.GetHttpContext().User, context.Peer), time.GetUtcNow(), context.CancellationToken);
            return new CreateApiKeyResponse { Key = ApiKeyMessages.ToMessage(key), Secret = secret };
        }
        catch (ApiKeyFieldException e)
        {
            throw RpcErrors.InvalidArgument(e.Field, e.Description);
        }
        catch (ApiKeyNameTakenException e)
        {
            throw RpcErrors.AlreadyExists("api_key", e.Name, "name: " + e.Message);
        }
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var response = new ListApiKeysResponse();
        response.Keys.AddRange((await store.ListAsync(request.IncludeRevoked, context.CancellationToken)).Select(ApiKeyMessages.ToMessage));
        return response;
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        if (request.Key.Trim().Length == 0)
        {
            throw RpcErrors.InvalidArgument("key", "is required: the key's id or name");
        }
        var key = await store.RevokeAsync(request.Key.Trim(), time.GetUtcNow(), context.CancellationToken)
            ?? throw RpcErrors.NotFound(
                "api_key", RequestLimits.Quote(request.Key), $"key: no API key has the id or name '{RequestLimits.Quote(request.Key)}'.");
        cache.Invalidate(key.Id, key.RevokedAt!.Value);
        return new RevokeApiKeyResponse { Key = ApiKeyMessages.ToMessage(key) };
    }
}
