namespace ShopSync.Grpc.Tests.Interop;

/// <summary>node @grpc/grpc-js as the client of our server: the interop cases of grpc-wire.md §2.</summary>
public sealed class NodeClientInteropTests(NodeClientFixture fixture) : IClassFixture<NodeClientFixture>
{
    public static TheoryData<string> Cases() => new(InteropCases.ClientCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void NodeClient_InteropCase_Passes(string caseName) => fixture.Results.AssertPassed(caseName);
}
