using System.Diagnostics;
using Microsoft.Playwright;
using ShopSync.Client;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Dashboard.Tests;

/// <summary>
/// One real shopsync-server (demo shop, diagnostics tasks, <c>--auth required</c>, an admin and a viewer key, OIDC
/// sign-in at a <see cref="TestOidcProvider"/>) and one headless Debian chromium, shared by the dashboard tests. Each
/// test opens its own browser context.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium (scripts/install-deps.sh installs it); Playwright downloads no browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _directory = new("shopsync-dashboard");
    private ServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestOidcProvider? _oidc;

    /// <summary>The identity provider the server's JWTs and the page's OIDC sign-in come from.</summary>
    public TestOidcProvider Oidc => _oidc ?? throw new InvalidOperationException("The provider has not started.");

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The dashboard's address (the web endpoint).</summary>
    public string BaseUrl => Server.WebAddress!.ToString().TrimEnd('/');

    public string AdminKey { get; private set; } = "";

    public string ViewerKey { get; private set; } = "";

    public ShopSyncClient Client { get; private set; } = null!;

    public int SyncOrdersReportId { get; private set; }

    public async Task InitializeAsync()
    {
        var db = _directory.File("dashboard.db");
        AdminKey = await CreateKeyAsync(db, "admin", "root");
        ViewerKey = await CreateKeyAsync(db, "viewer", "watcher");
        _oidc = new TestOidcProvider();
        var publicKey = await _oidc.StartAsync(_directory.Path);
        _server = await ServerProcess.StartAsync(db,
        [
            "--demo", "--auth", "required", "--Queue:EnableDiagnosticsTasks=true",
            "--Access:Jwt:Issuer=" + _oidc.Issuer, "--Access:Jwt:Audience=" + TestOidcProvider.Audience, "--Access:Jwt:SigningKeys:0=" + publicKey,
            "--Dashboard:Oidc:ClientId=" + TestOidcProvider.ClientId,
        ]);
        _oidc.AllowedOrigin = BaseUrl;
        Client = ShopSyncClient.Create(new ShopSyncClientOptions { Address = Server.Address, ApiKey = AdminKey });
        var reports = await Client.Jobs.ListReportsAsync(new ListReportsRequest());
        SyncOrdersReportId = reports.Reports.Single(r => r.Aliases.Contains("orders")).ReportId;
        // A second shop, for filters by shop (its entries are only ever queued On Hold: its store does not exist).
        await Client.Shops.CreateShopAsync(new CreateShopRequest { Shop = new Shop { Code = "eu", ShopifyUrl = "https://eu-store.myshopify.com" } });

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI containers: chromium's sandbox needs user namespaces it may not have.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A page in a fresh context (its own sessionStorage) that records console errors and page errors.</summary>
    public async Task<DashboardPage> OpenAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
            TimezoneId = "Europe/Oslo",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(this, context, page);
    }

    /// <summary>Queues a background diagnostics entry (report 90001) and returns its id.</summary>
    public async Task<string> EnqueueDiagnosticsAsync(string description, int steps, int stepMs, bool onHold = false, DateTimeOffset? earliestStart = null, string shop = "demo", string category = "")
    {
        var request = new EnqueueJobRequest
        {
            ShopCode = shop,
            ReportId = 90001,
            Mode = RunMode.Background,
            Description = description,
            OnHold = onHold,
            CategoryCode = category,
            Options = { new RequestPageOption { Name = "steps", Value = steps.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        new RequestPageOption { Name = "step_ms", Value = stepMs.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        };
        if (earliestStart is { } start)
        {
            request.EarliestStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start);
        }
        await foreach (var response in Client.Jobs.EnqueueJobAsync(request))
        {
            return response.Event.JobId;
        }
        throw new InvalidOperationException("EnqueueJob answered without an accepted event");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_oidc is not null)
        {
            await _oidc.DisposeAsync();
        }
        _directory.Dispose();
    }

    /// <summary><c>shopsync-server keys create</c> on the database before the server starts; the key is its last line.</summary>
    private static async Task<string> CreateKeyAsync(string db, string role, string name)
    {
        var info = new ProcessStartInfo(ServerProcess.BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(db)!,
        };
        foreach (var arg in new[] { "keys", "create", "--role", role, "--name", name, "--db", db })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"keys create exited {process.ExitCode}: {await error}");
        }
        return (await output).Trim().Split('\n')[^1].Trim();
    }
}
