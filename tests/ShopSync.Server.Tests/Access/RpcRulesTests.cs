using ShopSync.Server.Access;

namespace ShopSync.Server.Tests.Access;

public sealed class RpcRulesTests
{
    [Fact]
    public void Find_EveryContractMethod_HasARule()
    {
        Assert.True(ContractMethods.All.Count > 40, $"only {ContractMethods.All.Count} methods found in the contract");
        var missing = ContractMethods.All.Select(ContractMethods.FullName).Where(m => RpcRules.Find(m) is null).ToList();
        Assert.True(missing.Count == 0, "RPCs without an access rule (add them to RpcRules): " + string.Join(", ", missing));
    }

    [Fact]
    public void All_EveryRule_NamesAContractMethodAndAGrantedPermission()
    {
        var methods = ContractMethods.All.Select(ContractMethods.FullName).ToHashSet();
        foreach (var (method, rule) in RpcRules.All)
        {
            Assert.Contains(method, methods);
            Assert.True(Roles.Allows(Roles.Admin, rule.Permission), $"{method}: no role grants {rule.Permission}");
        }
    }

    [Fact]
    public void IsOpen_HealthAndReflection_AreOpenAndNothingElse()
    {
        Assert.True(RpcRules.IsOpen("/grpc.health.v1.Health/Check"));
        Assert.True(RpcRules.IsOpen("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"));
        Assert.DoesNotContain(ContractMethods.All, m => RpcRules.IsOpen(ContractMethods.FullName(m)));
    }
}
