using Grpc.Core;
using ShopSync.Server.Access;

namespace ShopSync.Server.Tests.Access;

/// <summary>Each RPC's rule for each role, through the real server: one row per RPC and role (and one without a credential).</summary>
public sealed class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    private const string NoCredential = "(none)";

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var method in ContractMethods.All)
        {
            foreach (var role in Roles.All.Append(NoCredential))
            {
                rows.Add(ContractMethods.FullName(method), role);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Call_RoleAgainstRule_AllowedOrDeniedAsDeclared(string method, string role)
    {
        var descriptor = ContractMethods.All.Single(m => ContractMethods.FullName(m) == method);
        var headers = role == NoCredential ? null : AccessServer.Bearer(fixture.KeyOf(role));

        var status = await RawCalls.CallAsync(fixture.Invoker, method, descriptor.IsServerStreaming, headers);

        var rule = RpcRules.Find(method)!;
        if (role == NoCredential)
        {
            Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
            Assert.Contains("requires a credential", status.Detail, StringComparison.Ordinal);
        }
        else if (Roles.Allows(role, rule.Permission))
        {
            Assert.True(
                status.StatusCode is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.Unimplemented),
                $"{role} should pass {method}'s rule ({rule.Permission}) but got {status.StatusCode}: {status.Detail}");
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
            Assert.Contains($"'{rule.Permission}'", status.Detail, StringComparison.Ordinal);
        }
    }
}
