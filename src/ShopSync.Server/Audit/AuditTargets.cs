using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ShopSync.Server.Audit;

/// <summary>What a request names, read from its fields by their proto names (so a new RPC needs no code here).</summary>
internal static class AuditTargets
{
    /// <summary>The target (<c>job/…</c>, <c>schedule/…</c>, <c>shop/…</c>, <c>sales_order/…</c>, <c>api_key/…</c> (a key's name or id, never its secret), <c>report/…</c>) and the shop.</summary>
    public static (string? Target, string? Shop) Describe(object request)
    {
        if (request is not IMessage message)
        {
            return (null, null);
        }
        var shopMessage = Nested(message, "shop");
        var shopReport = Nested(message, "shop_report");
        var definition = Nested(message, "definition");
        var isShopService = message.Descriptor.File.Services.Any(s => s.Name == "ShopService");
        var isAccessService = message.Descriptor.File.Services.Any(s => s.Name == "AccessService");
        var shop = Text(message, "shop_code") ?? Text(shopMessage, "code") ?? Text(shopReport, "shop_code") ?? Text(definition, "shop_code")
            ?? (isShopService ? Text(message, "code") : null);
        var report = Number(message, "report_id") ?? Number(shopReport, "report_id") ?? Number(definition, "report_id");
        var target = Text(message, "job_id") is { } job ? "job/" + job
            : Text(message, "schedule_id") is { } schedule ? "schedule/" + schedule
            : Text(message, "sales_order_no") is { } order ? "sales_order/" + order
            : isShopService && shop is not null ? "shop/" + shop
            : isAccessService && (Text(message, "key") ?? Text(message, "name")) is { } key ? "api_key/" + key
            : report is { } id ? "report/" + id
            : null;
        return (target, shop);
    }

    private static IMessage? Nested(IMessage? message, string name) =>
        Field(message, name) is { FieldType: FieldType.Message, IsRepeated: false } field ? field.Accessor.GetValue(message) as IMessage : null;

    private static string? Text(IMessage? message, string name) =>
        Field(message, name) is { FieldType: FieldType.String, IsRepeated: false } field
            && field.Accessor.GetValue(message) is string { Length: > 0 } value ? value : null;

    private static int? Number(IMessage? message, string name) =>
        Field(message, name) is { FieldType: FieldType.Int32, IsRepeated: false } field
            && field.Accessor.GetValue(message) is int value && value != 0 ? value : null;

    private static FieldDescriptor? Field(IMessage? message, string name) => message?.Descriptor.FindFieldByName(name);
}
