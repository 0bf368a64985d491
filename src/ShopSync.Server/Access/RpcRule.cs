namespace ShopSync.Server.Access;

/// <summary>The access rule of one RPC: the permission it needs, whether it changes state (what the audit trail records) and its shop scope.</summary>
internal sealed record RpcRule(string Permission, bool Mutates, ScopeTarget Scope = ScopeTarget.Shops);
