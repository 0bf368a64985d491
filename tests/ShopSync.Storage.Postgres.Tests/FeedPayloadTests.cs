using ShopSync.Storage.Postgres.Feed;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The doorbell's payloads: a node knows its own from the header alone, and nobody else's passes for its own.</summary>
public sealed class FeedPayloadTests
{
    private const string Me = "4f1c2a9e0b7d4c3e8a6f5d2b1c0e9a87";

    [Fact]
    public void IsFrom_EveryPayloadOfALongMessage_IsTheSendersOwn()
    {
        var message = new FeedMessage { Sender = Me };
        for (var i = 0; i < 500; i++)
        {
            message.Events.Add(new FeedEventRange(Guid.NewGuid(), i, i + 2));
        }

        var payloads = FeedPayload.Encode(message);

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(FeedPayload.IsFrom(p, Me)));
        Assert.All(payloads, p => Assert.False(FeedPayload.IsFrom(p, "0" + Me[1..])));
        Assert.Equal(500, payloads.Sum(p => FeedPayload.Decode(p)!.Events.Count));
    }

    [Fact]
    public void IsFrom_HeaderOnly_IsTheSendersOwn()
    {
        Assert.True(FeedPayload.IsFrom("s\t" + Me, Me));
    }

    [Theory]
    [InlineData("s\tabc\ne\tx\t1\t2", "ab")]
    [InlineData("s\tabcd", "abc")]
    [InlineData("s\tab", "abc")]
    [InlineData("x\tabc", "abc")]
    [InlineData("", "abc")]
    [InlineData("hello from someone else", "abc")]
    public void IsFrom_AnotherSendersOrAForeignPayload_IsNotOwn(string payload, string sender)
    {
        Assert.False(FeedPayload.IsFrom(payload, sender));
    }
}
