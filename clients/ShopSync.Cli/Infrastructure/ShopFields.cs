using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;
using FieldType = Google.Protobuf.Reflection.FieldType;

namespace ShopSync.Cli.Infrastructure;

/// <summary>
/// Sets <see cref="Shop"/> fields from <c>name=value</c> arguments by the contract's field names
/// (<c>allow_background_syncs=false</c>, <c>customer_mapping=by-email</c>), so every setting of the contract
/// is reachable without a flag per field.
/// </summary>
internal static class ShopFields
{
    private static readonly HashSet<string> OutputOnly = ["code", "has_access_token", "has_webhook_secret", "created_at", "updated_at"];

    public static IEnumerable<string> Settable => Shop.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name).Where(n => !OutputOnly.Contains(n));

    /// <summary>Sets the field and returns its proto name (for the update mask).</summary>
    public static string Set(Shop shop, string assignment)
    {
        var (key, value) = KeyValues.Parse(assignment, "setting");
        var name = key.Replace('-', '_').ToLowerInvariant();
        var field = Shop.Descriptor.FindFieldByName(name);
        if (field is null || OutputOnly.Contains(name))
        {
            throw CliException.Usage($"unknown shop setting '{key}'; settable: {string.Join(", ", Settable)}");
        }
        object converted = field.FieldType switch
        {
            FieldType.String => value,
            FieldType.Enum => ParseEnum(field, key, value),
            FieldType.Message when field.MessageType.FullName == BoolValue.Descriptor.FullName => ParseBool(key, value),
            _ => throw CliException.Usage($"shop setting '{key}' cannot be set from the command line"),
        };
        field.Accessor.SetValue(shop, converted);
        return name;
    }

    public static bool ParseBool(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => throw CliException.Usage($"shop setting '{key}': '{value}' is not a boolean (use true/false)"),
    };

    private static object ParseEnum(FieldDescriptor field, string key, string value)
    {
        var wanted = value.Trim().Replace('-', '_').ToUpperInvariant();
        var prefix = ToScreamingSnake(field.EnumType.Name) + "_";
        foreach (var v in field.EnumType.Values)
        {
            if (v.Number != 0 && (v.Name == wanted || v.Name == prefix + wanted))
            {
                return v.Number;
            }
        }
        var valid = field.EnumType.Values.Where(v => v.Number != 0).Select(v => v.Name[prefix.Length..].ToLowerInvariant().Replace('_', '-'));
        throw CliException.Usage($"shop setting '{key}': '{value}' is not valid; use {string.Join(", ", valid)}");
    }

    private static string ToScreamingSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString(CultureInfo.InvariantCulture))).ToUpperInvariant();

    public static IEnumerable<(string Name, string Value)> Describe(Shop shop)
    {
        foreach (var field in Shop.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Name is "access_token" or "webhook_secret")
            {
                continue;
            }
            var value = field.Accessor.GetValue(shop);
            var text = value switch
            {
                null => "",
                bool b => b ? "yes" : "no",
                Timestamp t => Format.Time(t),
                IMessage m when field.MessageType.FullName == BoolValue.Descriptor.FullName => m.ToString() ?? "",
                _ when field.FieldType == FieldType.Enum => EnumText(field, Convert.ToInt32(value, CultureInfo.InvariantCulture)),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            yield return (field.Name, text);
        }
    }

    private static string EnumText(FieldDescriptor field, int number)
    {
        var v = field.EnumType.FindValueByNumber(number);
        var prefix = ToScreamingSnake(field.EnumType.Name) + "_";
        return v is null || number == 0 ? "" : v.Name[prefix.Length..].ToLowerInvariant().Replace('_', '-');
    }
}
