namespace ShopSync.Server.Access;

/// <summary>A call that passed its rule: the rule, the principal's name and its shops.</summary>
internal sealed record AuthorizedCall(RpcRule Rule, string Principal, ShopScope Scope);
