using ShopSync.Queue.Filters;

namespace ShopSync.Queue.Tests.Filters;

public sealed class RequestPageDefinitionTests
{
    [Fact]
    public void For_Builder_DeclaresFieldsAndOptionsInOrder()
    {
        RequestPageDefinition page = RequestPageDefinition.For(30108, "Sync Products")
            .Code("Item No.", "ERP item")
            .Option("Status", "Active", "Draft", "Archived")
            .BooleanOption("Only Sync Prices");

        Assert.Equal("30108 Sync Products", page.DisplayName);
        Assert.Equal(["Item No.", "Status"], page.Fields.Select(f => f.Name));
        Assert.Equal(FilterFieldType.Code, page.Fields[0].Type);
        Assert.Equal("ERP item", page.Fields[0].Description);
        Assert.Equal(["Active", "Draft", "Archived"], page.FindField("status")!.OptionValues);
        Assert.Equal(FilterFieldType.Boolean, page.FindOption("ONLY SYNC PRICES")!.Type);
        Assert.Null(page.FindField("Only Sync Prices"));
    }

    [Fact]
    public void Build_DuplicateName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RequestPageDefinition.For(1, "R").Text("Tags").Code("TAGS").Build());
        Assert.Contains("field \"TAGS\" is declared twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OptionWithoutValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => RequestPageDefinition.For(1, "R").Option("Status").Build());
    }

    [Fact]
    public void Build_NameAsFieldAndOption_Throws()
    {
        Assert.Throws<ArgumentException>(() => RequestPageDefinition.For(1, "R").Boolean("X").BooleanOption("x").Build());
    }

    [Fact]
    public void FieldTypeValues_EqualWireEnum()
    {
        Assert.Equal(1, (int)FilterFieldType.Text);
        Assert.Equal(7, (int)FilterFieldType.DateTime);
        Assert.Equal(8, (int)FilterFieldType.Option);
    }

    [Fact]
    public void Catalog_FindsByReportId_RejectsDuplicates()
    {
        var a = RequestPageDefinition.For(30104, "Sync Orders").Build();
        var catalog = new RequestPageCatalog([a, RequestPageDefinition.For(30100, "Sync Customers").Build()]);

        Assert.True(catalog.TryGet(30104, out var found));
        Assert.Same(a, found);
        Assert.False(catalog.TryGet(1, out _));
        Assert.Equal([30100, 30104], catalog.All.Select(d => d.ReportId));
        Assert.Throws<ArgumentException>(() => new RequestPageCatalog([a, a]));
    }
}
