namespace ShopSync.Grpc.Tests.Interop;

/// <summary>python grpcio (C-core) as the client of our server: the interop cases of grpc-wire.md §2.</summary>
public sealed class PythonClientInteropTests(PythonClientFixture fixture) : IClassFixture<PythonClientFixture>
{
    public static TheoryData<string> Cases() => new(InteropCases.ClientCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PythonClient_InteropCase_Passes(string caseName) => fixture.Results.AssertPassed(caseName);
}
