using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ShopSync.Dashboard.Tests;

/// <summary>
/// OIDC sign-in in Chromium: the page goes to the test provider (authorization code with PKCE), comes back, exchanges
/// the code, and calls the server with the access token; a tampered state or PKCE verifier is refused on the page.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OidcSignInTests(DashboardFixture fixture)
{
    static OidcSignInTests() => SetDefaultExpectTimeout(20_000);

    private ILocator OidcButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Sign in with " + new Uri(fixture.Oidc.Issuer).Authority });

    [Fact]
    public async Task OidcSignIn_Admin_ShowsThePrincipalAndTheDemoQueue()
    {
        fixture.Oidc.NextUser = ("alice@example.org", "admin");
        await fixture.EnqueueDiagnosticsAsync("oidc demo queue entry", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.Page.GotoAsync("/");
        await OidcButton(p.Page).ClickAsync();

        await Expect(p.Page.GetByTestId("who")).ToContainTextAsync("alice@example.org · admin");
        await Expect(p.Page.GetByTestId("category").First).ToContainTextAsync("On Hold");
        await p.Page.GetByRole(AriaRole.Link, new() { Name = "Entries" }).ClickAsync();
        await Expect(p.Page.GetByTestId("entries")).ToContainTextAsync("oidc demo queue entry");
        AssertNoCodeInUrl(p.Page);
        var stored = await p.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('shopsync.oidc.token')");
        Assert.NotNull(stored);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task OidcSignIn_DeepLinkToAnEntry_SurvivesTheRoundTrip()
    {
        fixture.Oidc.NextUser = ("alice@example.org", "admin");
        var id = await fixture.EnqueueDiagnosticsAsync("oidc deep link entry", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.Page.GotoAsync("/entries/" + id + "?tab=events");
        await OidcButton(p.Page).ClickAsync();

        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("oidc deep link entry");
        Assert.EndsWith("/entries/" + id + "?tab=events", p.Page.Url, StringComparison.Ordinal);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task OidcSignIn_Viewer_SeesNoControls()
    {
        fixture.Oidc.NextUser = ("victor@example.org", "viewer");
        var id = await fixture.EnqueueDiagnosticsAsync("entry an oidc viewer reads", steps: 1, stepMs: 1, onHold: true);
        await using var p = await fixture.OpenAsync();
        await p.Page.GotoAsync("/entries/" + id);
        await OidcButton(p.Page).ClickAsync();

        await Expect(p.Page.GetByTestId("who")).ToContainTextAsync("victor@example.org · viewer");
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "Events" })).ToBeVisibleAsync();
        foreach (var control in new[] { "Hold", "Set Ready", "Restart", "Run now", "Cancel", "Delete" })
        {
            await Expect(p.Page.GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToHaveCountAsync(0);
        }
        await p.GoAsync("/entries");
        await Expect(p.Page.GetByTestId("entries")).ToContainTextAsync("entry an oidc viewer reads");
        await Expect(p.Page.GetByRole(AriaRole.Group, new() { Name = "Bulk actions" })).ToHaveCountAsync(0);
        p.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task OidcSignIn_TamperedState_RefusedWithoutExchangingTheCode()
    {
        fixture.Oidc.NextUser = ("mallory@example.org", "admin");
        await using var p = await fixture.OpenAsync();
        await TamperPendingOnCallbackAsync(p, "state");
        var exchanged = fixture.Oidc.Exchanged;
        await p.Page.GotoAsync("/");
        await OidcButton(p.Page).ClickAsync();

        await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("does not match the request this tab sent (its state differs)");
        await Expect(OidcButton(p.Page)).ToBeVisibleAsync();
        Assert.Equal(exchanged, fixture.Oidc.Exchanged);
        AssertNoCodeInUrl(p.Page);
        Assert.Null(await p.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('shopsync.oidc.token')"));
    }

    [Fact]
    public async Task OidcSignIn_WrongPkceVerifier_RefusedByTheProviderWithItsReason()
    {
        fixture.Oidc.NextUser = ("mallory@example.org", "admin");
        await using var p = await fixture.OpenAsync();
        await TamperPendingOnCallbackAsync(p, "verifier");
        await p.Page.GotoAsync("/");
        await OidcButton(p.Page).ClickAsync();

        await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The identity provider refused the code exchange: invalid_grant — PKCE verification failed");
        await Expect(OidcButton(p.Page)).ToBeVisibleAsync();
        AssertNoCodeInUrl(p.Page);
        Assert.Null(await p.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('shopsync.oidc.token')"));
    }

    [Fact]
    public async Task OidcSignIn_TokenExpires_BackToSignInWithWhy()
    {
        fixture.Oidc.NextUser = ("alice@example.org", "admin");
        fixture.Oidc.NextLifetimeSeconds = 3;
        try
        {
            await using var p = await fixture.OpenAsync();
            await p.Page.GotoAsync("/entries");
            await OidcButton(p.Page).ClickAsync();
            await Expect(p.Page.GetByTestId("who")).ToContainTextAsync("alice@example.org · admin");

            await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your sign-in has expired");
            await Expect(OidcButton(p.Page)).ToBeVisibleAsync();
            Assert.Null(await p.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('shopsync.oidc.token')"));
            p.AssertNoConsoleErrors();
        }
        finally
        {
            fixture.Oidc.NextLifetimeSeconds = 3600;
        }
    }

    /// <summary>Before the page's script runs on the callback, one field of the pending request in sessionStorage is replaced.</summary>
    private static Task TamperPendingOnCallbackAsync(DashboardPage p, string field) => p.Context.AddInitScriptAsync(
        $$"""
        if (location.pathname === '/signin/oidc') {
          const pending = JSON.parse(sessionStorage.getItem('shopsync.oidc.pending'));
          pending['{{field}}'] = 'tampered-' + '0123456789abcdef0123456789abcdef0123456789';
          sessionStorage.setItem('shopsync.oidc.pending', JSON.stringify(pending));
        }
        """);

    private static void AssertNoCodeInUrl(IPage page)
    {
        Assert.DoesNotMatch(new Regex("[?&](code|state)="), page.Url);
        Assert.DoesNotContain("/signin/oidc", page.Url, StringComparison.Ordinal);
    }
}
