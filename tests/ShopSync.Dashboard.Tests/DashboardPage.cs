using Microsoft.Playwright;

namespace ShopSync.Dashboard.Tests;

/// <summary>A browser page of one test: signs in, navigates, and fails the test on any console error.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly DashboardFixture _fixture;
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public DashboardPage(DashboardFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {m.Text} ({m.Location})");
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (_errors)
            {
                _errors.Add("page error: " + e);
            }
        };
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    /// <summary>Opens <paramref name="path"/> and signs in on the form the page shows in its place.</summary>
    public async Task SignInAsync(string path, string key, string expectedRole)
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("who")).ToContainTextAsync(expectedRole);
    }

    public Task SignInAsAdminAsync(string path = "/") => SignInAsync(path, _fixture.AdminKey, "admin");

    /// <summary>Navigates within the page (as a link does), keeping the session.</summary>
    public Task GoAsync(string path) => Page.EvaluateAsync("p => { history.pushState(null, '', p); dispatchEvent(new PopStateEvent('popstate')); }", path);

    /// <summary>
    /// The console errors and uncaught exceptions the page had (none is allowed in any test). Where a test stops the
    /// server on purpose, Chromium's own line for each refused connection is expected and only it is let through.
    /// </summary>
    public void AssertNoConsoleErrors(bool serverWasStopped = false)
    {
        lock (_errors)
        {
            var errors = _errors.Where(e => !(serverWasStopped && e.Contains("net::ERR_CONNECTION_REFUSED", StringComparison.Ordinal))).ToList();
            Assert.True(errors.Count == 0, "The page logged errors:\n" + string.Join("\n", errors));
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
