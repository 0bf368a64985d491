using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>ListAsync's search text and shop scope (the dashboard's entries page); every driver runs it.</summary>
public abstract class JobStoreSearchConformanceTests
{
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IStoreFactory Factory { get; }

    [Fact]
    public async Task List_TextInDescriptionCreatedByOrFilters_MatchesCaseInsensitively()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync(
        [
            Entry("Sync Orders for Contoso", "alice"),
            Entry("Sync Items", "bob (via erp-prod)"),
            Entry("Diagnostics", "carol", filter: ("Order No.", "SO-10042")),
            Entry("Nothing here", "dave"),
        ], Ct)).Value;

        Assert.Equal([jobs[0].Id], await Ids(store, new JobQuery { Text = "CONTOSO" }));
        Assert.Equal([jobs[1].Id], await Ids(store, new JobQuery { Text = "erp-PROD" }));
        Assert.Equal([jobs[2].Id], await Ids(store, new JobQuery { Text = "so-10042" }));
        Assert.Equal([jobs[0].Id, jobs[1].Id], await Ids(store, new JobQuery { Text = " sync " }));
        Assert.Empty(await Ids(store, new JobQuery { Text = "absent" }));
        Assert.Equal(4, (await Ids(store, new JobQuery { Text = "   " })).Count);
    }

    [Fact]
    public async Task List_TextIsIdOrEntryNumber_MatchesThatEntry()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([Entry("one", "x"), Entry("two", "x"), Entry("three", "x")], Ct)).Value;

        Assert.Equal([jobs[1].Id], await Ids(store, new JobQuery { Text = jobs[1].Id.ToString("D").ToUpperInvariant() }));
        Assert.Equal([jobs[2].Id], await Ids(store, new JobQuery { Text = jobs[2].EntryNo.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal([jobs[2].Id], await Ids(store, new JobQuery { Text = "#" + jobs[2].EntryNo }));
    }

    [Fact]
    public async Task List_TextWithWildcards_MatchesThemLiterally()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([Entry("50% off_sale", "x"), Entry("500 offXsale", "x"), Entry(@"back\slash", "x")], Ct)).Value;

        Assert.Equal([jobs[0].Id], await Ids(store, new JobQuery { Text = "0% off_" }));
        Assert.Equal([jobs[0].Id], await Ids(store, new JobQuery { Text = "_sale" }));
        Assert.Equal([jobs[2].Id], await Ids(store, new JobQuery { Text = @"k\s" }));
    }

    [Fact]
    public async Task List_TextAndOtherFilters_KeepsKeysetPaging()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync(
            [Entry("match 1", "x"), Entry("other", "x"), Entry("match 2", "x"), Entry("match 3", "x", category: "B"), Entry("match 4", "x")], Ct)).Value;

        var first = await store.ListAsync(new JobQuery { Text = "match", CategoryCode = "CAT", PageSize = 2 }, Ct);
        Assert.Equal([jobs[0].Id, jobs[2].Id], first.Jobs.Select(j => j.Id));
        Assert.NotEmpty(first.NextPageToken);
        var second = await store.ListAsync(new JobQuery { Text = "match", CategoryCode = "CAT", PageSize = 2, PageToken = first.NextPageToken }, Ct);
        Assert.Equal([jobs[4].Id], second.Jobs.Select(j => j.Id));
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task List_Shops_OnlyThoseShopsIgnoringCase()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([Entry("a", "x", shop: "SHOP1"), Entry("b", "x", shop: "SHOP2"), Entry("c", "x", shop: "")], Ct)).Value;

        Assert.Equal([jobs[0].Id], await Ids(store, new JobQuery { Shops = ["shop1"] }));
        Assert.Equal([jobs[0].Id, jobs[1].Id], await Ids(store, new JobQuery { Shops = ["SHOP1", "Shop2"] }));
        Assert.Empty(await Ids(store, new JobQuery { Shops = [] }));
        Assert.Equal(3, (await Ids(store, new JobQuery())).Count);
    }

    [Fact]
    public async Task List_GarbageToken_StillRefusedWithText()
    {
        var store = await Factory.CreateAsync(Ct);
        await Assert.ThrowsAsync<JobValidationException>(() => store.ListAsync(new JobQuery { Text = "x", PageToken = "garbage!" }, Ct));
    }

    internal static NewJob Entry(string description, string createdBy, (string Field, string Value)? filter = null, string category = "CAT", string shop = "SHOP1")
    {
        var job = TestJobs.New(category).Job;
        return new NewJob(
            job with
            {
                Description = description,
                CreatedBy = createdBy,
                ShopCode = shop,
                Filters = filter is { } f ? [new RequestPageFilter(f.Field, f.Value)] : job.Filters,
            },
            false);
    }

    private static async Task<List<Guid>> Ids(IJobStore store, JobQuery query) =>
        (await store.ListAsync(query with { PageSize = 1000 }, Ct)).Jobs.Select(j => j.Id).ToList();
}
