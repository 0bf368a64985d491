namespace ShopSync.Server.Tests.Process;

/// <summary>Tests that run the real server binary run one at a time: each is a whole process on a shared 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealServerCollection
{
    public const string Name = "Real server process";
}
