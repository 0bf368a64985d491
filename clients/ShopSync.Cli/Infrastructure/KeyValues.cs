using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Infrastructure;

/// <summary>Parses <c>Field=expr</c> and <c>name=value</c> arguments (split at the first '=').</summary>
internal static class KeyValues
{
    public static (string Key, string Value) Parse(string text, string what)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw CliException.Usage($"{what} '{text}' must look like Name=value (split at the first '=')");
        }
        return (text[..at].Trim(), text[(at + 1)..]);
    }

    public static IEnumerable<RequestPageFilter> Filters(IEnumerable<string>? values) =>
        (values ?? []).Select(v => Parse(v, "--filter")).Select(p => new RequestPageFilter { Field = p.Key, Expression = p.Value });

    public static IEnumerable<RequestPageOption> Options(IEnumerable<string>? values) =>
        (values ?? []).Select(v => Parse(v, "--option")).Select(p => new RequestPageOption { Name = p.Key, Value = p.Value });
}
