using ShopSync.Cli.Infrastructure;

namespace ShopSync.Cli.Tests.Infrastructure;

/// <summary>A credential never travels in cleartext beyond this machine.</summary>
public sealed class CleartextGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.0.0.2:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://erp.example.com:5000")]
    [InlineData("https://10.0.0.5:5000")]
    public void Check_CredentialToLoopbackOrOverHttps_IsAllowed(string address) =>
        CleartextGuard.Check(new Uri(address), hasCredential: true);

    [Theory]
    [InlineData("http://erp.example.com:5000")]
    [InlineData("http://10.0.0.5:5000")]
    [InlineData("http://[2001:db8::1]:5000")]
    public void Check_CredentialInCleartextToAnotherHost_IsAUsageErrorNamingTheAddress(string address)
    {
        var error = Assert.Throws<CliException>(() => CleartextGuard.Check(new Uri(address), hasCredential: true));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("cleartext", error.Message, StringComparison.Ordinal);
        Assert.Contains(new Uri(address).Host, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoCredentialToAnotherHostOverHttp_IsAllowed() =>
        CleartextGuard.Check(new Uri("http://erp.example.com:5000"), hasCredential: false);
}
