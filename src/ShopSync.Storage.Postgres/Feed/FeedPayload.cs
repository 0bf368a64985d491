using System.Globalization;
using System.Text;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres.Feed;

/// <summary>
/// The text of a NOTIFY: a line naming the sender, then one line per item, fields separated by tabs (category codes
/// hold no control characters): <c>e id from to</c> (events), <c>w category due-ticks</c> (work), <c>c id</c> (cancel).
/// A message longer than PostgreSQL's payload limit (8000 bytes) is split into several payloads.
/// </summary>
internal static class FeedPayload
{
    public const int MaxBytes = 7800;

    // Every payload's first line: this prefix, then the sender's id.
    private const string SenderPrefix = "s\t";

    public static List<string> Encode(FeedMessage message)
    {
        var payloads = new List<string>();
        var header = SenderPrefix + message.Sender;
        var text = new StringBuilder(header);
        var bytes = Encoding.UTF8.GetByteCount(header);
        void Add(string line)
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (bytes + size > MaxBytes)
            {
                payloads.Add(text.ToString());
                text.Clear().Append(header);
                bytes = Encoding.UTF8.GetByteCount(header);
            }

            text.Append('\n').Append(line);
            bytes += size;
        }

        foreach (var range in message.Events)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"e\t{range.JobId:N}\t{range.From}\t{range.To}"));
        }

        foreach (var work in message.Work)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"w\t{work.CategoryCode}\t{work.Due.UtcTicks}"));
        }

        foreach (var id in message.Cancels)
        {
            Add("c\t" + id.ToString("N"));
        }

        payloads.Add(text.ToString());
        return payloads;
    }

    /// <summary>
    /// Whether <paramref name="payload"/> was sent by <paramref name="sender"/>, read from its header line alone: a node
    /// hears its own doorbells on the shared channel and drops them without decoding them.
    /// </summary>
    public static bool IsFrom(string payload, string sender)
    {
        var headerEnd = SenderPrefix.Length + sender.Length;
        return payload.Length >= headerEnd
            && payload.StartsWith(SenderPrefix, StringComparison.Ordinal)
            && string.CompareOrdinal(payload, SenderPrefix.Length, sender, 0, sender.Length) == 0
            && (payload.Length == headerEnd || payload[headerEnd] == '\n');
    }

    /// <summary>The message, or null when the payload is not one of ours.</summary>
    public static FeedMessage? Decode(string payload)
    {
        var lines = payload.Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith(SenderPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var message = new FeedMessage { Sender = lines[0][SenderPrefix.Length..] };
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t');
            switch (fields[0])
            {
                case "e" when fields.Length == 4 && Guid.TryParseExact(fields[1], "N", out var id)
                    && long.TryParse(fields[2], CultureInfo.InvariantCulture, out var from) && long.TryParse(fields[3], CultureInfo.InvariantCulture, out var to):
                    message.Events.Add(new FeedEventRange(id, from, to));
                    break;
                case "w" when fields.Length == 3 && long.TryParse(fields[2], CultureInfo.InvariantCulture, out var ticks)
                    && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks:
                    message.Work.Add(new FeedWork(fields[1], new DateTimeOffset(ticks, TimeSpan.Zero)));
                    break;
                case "c" when fields.Length == 2 && Guid.TryParseExact(fields[1], "N", out var cancel):
                    message.Cancels.Add(cancel);
                    break;
                default:
                    return null;
            }
        }

        return message;
    }
}
