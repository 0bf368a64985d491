using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class FilterTextTests
{
    [Theory]
    [InlineData("vip", "vip", true)]
    [InlineData("vip", "VIP", false)]
    [InlineData("vip", "vip2", false)]
    [InlineData("=vip", "vip", true)]
    [InlineData("<>vip", "vip", false)]
    [InlineData("<>vip", "other", true)]
    [InlineData("@vip", "VIP", true)]
    [InlineData("<>@vip", "ViP", false)]
    [InlineData("@<>vip", "x", true)]
    [InlineData("*vip*", "a vip b", true)]
    [InlineData("*vip*", "a VIP b", false)]
    [InlineData("@*vip*", "a VIP b", true)]
    [InlineData("vip*", "vip-customer", true)]
    [InlineData("vip*", "not vip", false)]
    [InlineData("*vip", "not vip", true)]
    [InlineData("v?p", "vip", true)]
    [InlineData("v?p", "vp", false)]
    [InlineData("v?p", "viip", false)]
    [InlineData("*a*b*c*", "xxaxxbxxcxx", true)]
    [InlineData("*a*b*c*", "xxaxxcxxbxx", false)]
    [InlineData("<>*test*", "my test order", false)]
    [InlineData("<>*test*", "real", true)]
    [InlineData("''", "", true)]
    [InlineData("''", "x", false)]
    [InlineData("<>''", "", false)]
    [InlineData("<>''", "x", true)]
    [InlineData("b..d", "c", true)]
    [InlineData("b..d", "d", true)]
    [InlineData("b..d", "da", false)]
    [InlineData("b..d", "a", false)]
    [InlineData("..b", "", true)]
    [InlineData("b..", "zzz", true)]
    [InlineData("@b..d", "C", true)]
    [InlineData("b..d", "C", false)]
    [InlineData(">b", "b", false)]
    [InlineData(">=b", "b", true)]
    [InlineData("<b", "a", true)]
    [InlineData("<=b", "b", true)]
    [InlineData("Partially Paid", "Partially Paid", true)]
    [InlineData("  spaced  ", "spaced", true)]
    [InlineData("' spaced '", " spaced ", true)]
    [InlineData("'a|b'", "a|b", true)]
    [InlineData("'a|b'", "a", false)]
    [InlineData("'it''s'", "it's", true)]
    [InlineData("'*'", "*", true)]
    [InlineData("'*'", "x", false)]
    [InlineData("'a*'*", "a*xyz", true)]
    [InlineData("'a*'*", "abc", false)]
    [InlineData("'Smith & Co'|Jones", "Smith & Co", true)]
    [InlineData("a@b.com", "a@b.com", true)]
    public void Matches_TextFilter_FollowsBcSemantics(string expression, string value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Text, expression).Matches(value));
    }

    [Theory]
    [InlineData("a|b&c", "a", true)]
    [InlineData("a|b&c", "b", false)]
    [InlineData("(a|b)&<>b", "a", true)]
    [InlineData("(a|b)&<>b", "b", false)]
    [InlineData("*x*&*y*", "x y", true)]
    [InlineData("*x*&*y*", "x", false)]
    [InlineData("a | b", "b", true)]
    [InlineData("((a))", "a", true)]
    public void Matches_AndBindsTighterThanOr(string expression, string value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Text, expression).Matches(value));
    }

    [Fact]
    public void Matches_NullTextValue_IsEmpty()
    {
        Assert.True(Parse(FilterFieldType.Text, "''").Matches(null));
        Assert.False(Parse(FilterFieldType.Text, "<>''").Matches(null));
    }

    [Theory]
    [InlineData("us", "US", true)]
    [InlineData("us", "us", true)]
    [InlineData("U?", "dk", false)]
    [InlineData("d*", "dk", true)]
    [InlineData("a..c", "B", true)]
    public void Matches_CodeField_IsCaseInsensitive(string expression, string value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Code, expression).Matches(value));
    }

    [Fact]
    public void NormalizedExpression_CodeField_IsUpperCase()
    {
        Assert.Equal("US|D*", Parse(FilterFieldType.Code, "us|d*").NormalizedExpression);
    }

    [Fact]
    public void Matches_LongPathologicalPattern_StaysLinearish()
    {
        var filter = Parse(FilterFieldType.Text, string.Concat(Enumerable.Repeat("*a", 30)) + "*b");
        Assert.False(filter.Matches(new string('a', 5000)));
        Assert.True(filter.Matches(new string('a', 5000) + "b"));
    }
}
