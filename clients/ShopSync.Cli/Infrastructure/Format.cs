using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Infrastructure;

/// <summary>Human formatting of wire values (local times, enum names without their prefix).</summary>
internal static class Format
{
    public static string Time(Timestamp? value)
    {
        if (value is null)
        {
            return "";
        }
        var local = TimeZoneInfo.ConvertTime(value.ToDateTimeOffset(), TimeProvider.System.LocalTimeZone);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public static string Clock(Timestamp? value) => value is null ? "" : Time(value)[11..];

    public static string Span(Duration? value) => value is null ? "" : value.ToTimeSpan().ToString("c", CultureInfo.InvariantCulture);

    /// <summary><c>JOB_STATUS_IN_PROCESS</c> → <c>In Process</c>.</summary>
    public static string Enum<T>(T value)
        where T : struct, System.Enum
    {
        var name = value.ToString();
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
            current.Append(c);
        }
        words.Add(current.ToString());
        return string.Join(' ', words);
    }

    public static string Status(JobStatus status) => status == JobStatus.Unspecified ? "" : Enum(status);

    public static string Result(JobResult result) => result == JobResult.Unspecified ? "" : Enum(result);

    public static string Counters(JobCounters? c) =>
        c is null ? "" : $"done {c.Done}, failed {c.Failed}, skipped {c.Skipped}, pages {c.Pages}";

    public static string Bool(bool? value) => value switch { true => "yes", false => "no", null => "" };

    public static string Filters(IEnumerable<RequestPageFilter> filters) => string.Join("; ", filters.Select(f => $"{f.Field}={f.Expression}"));

    public static string Options(IEnumerable<RequestPageOption> options) => string.Join("; ", options.Select(o => $"{o.Name}={o.Value}"));
}
