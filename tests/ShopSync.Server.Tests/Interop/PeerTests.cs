namespace ShopSync.Server.Tests.Interop;

/// <summary>One test per case of <see cref="PeerCases"/>, all answered by a single run of the peer.</summary>
public abstract class PeerTests<TRun>(InteropServerFixture fixture, TRun run)
    where TRun : PeerRun
{
    [Theory]
    [MemberData(nameof(PeerCases.Theory), MemberType = typeof(PeerCases))]
    public async Task Client_Case_Passes(string caseName) => (await run.ResultsAsync(fixture)).AssertPassed(caseName);
}
