namespace ShopSync.Server.Tests.Telemetry;

/// <summary>
/// Tests that subscribe a tracer run alone: an ActivitySource listener hears every server in the process, and one
/// listener's sampling decision marks an activity recorded for all of them, so a parallel test would change what another
/// one exports.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing (alone)";
}
