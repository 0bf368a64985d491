using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Access;

/// <summary>
/// Applies a shop scope to messages generically, from their descriptors: a shop is named by any <c>shop_code</c>
/// field, and by <c>code</c> in a shop and the shop requests. A request naming another shop answers NOT_FOUND (as
/// if the shop did not exist); lists in a response lose other shops' elements; a response about another shop's
/// record answers NOT_FOUND and a stream drops such a message. Only scoped principals pay for the walk.
/// </summary>
internal static class ScopeGuard
{
    private const string ShopCodeField = "shop_code";

    private static readonly HashSet<string> CodeIsShop =
    [
        "shopsync.v1.Shop", "shopsync.v1.GetShopRequest", "shopsync.v1.DeleteShopRequest",
    ];

    private static readonly ConcurrentDictionary<MessageDescriptor, bool> Relevant = new();

    /// <summary>
    /// Checks the shops a request names. An empty shop field is filled with a one-shop principal's shop (at the top
    /// level always; anywhere in a mutating request, e.g. each job of EnqueueJobs) and refused in a mutating request
    /// of a principal with several shops: a scoped principal never creates records outside its shops.
    /// </summary>
    public static void CheckRequest(IMessage request, ShopScope scope, bool mutates)
    {
        if (!mutates && KeyField(request.Descriptor) is { } top && (string)top.Accessor.GetValue(request) is { Length: 0 } && scope.Single is { } only)
        {
            top.Accessor.SetValue(request, only);
        }
        Walk(request, scope, request: true, fill: mutates);
    }

    /// <summary>Removes other shops' elements from a response; false when the response itself is about another shop.</summary>
    public static bool FilterResponse(IMessage response, ShopScope scope) => Walk(response, scope, request: false, fill: false);

    private static bool Walk(IMessage message, ShopScope scope, bool request, bool fill)
    {
        var descriptor = message.Descriptor;
        if (!IsRelevant(descriptor))
        {
            return true;
        }
        if (KeyField(descriptor) is { } key)
        {
            var shop = (string)key.Accessor.GetValue(message);
            if (shop.Length == 0 && fill && key.Name == ShopCodeField)
            {
                shop = scope.Single ?? throw RpcErrors.InvalidArgument(key.Name, "is required: this principal may act on several shops, name one of them");
                key.Accessor.SetValue(message, shop);
            }
            if (!scope.Allows(shop) && (shop.Length > 0 || !request))
            {
                // A record of no shop (e.g. a diagnostics entry) is outside every shop's scope, too.
                return request ? throw RpcErrors.NotFound("shop", Queue.Entries.RequestLimits.Quote(shop), $"{key.Name}: shop '{Queue.Entries.RequestLimits.Quote(shop)}' was not found.") : false;
            }
        }
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != FieldType.Message || !IsRelevant(field.MessageType))
            {
                continue;
            }
            if (field.IsRepeated)
            {
                if (field.IsMap)
                {
                    continue;
                }
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (!Walk((IMessage)list[i]!, scope, request, fill))
                    {
                        list.RemoveAt(i);
                    }
                }
            }
            else if (field.Accessor.HasValue(message) && !Walk((IMessage)field.Accessor.GetValue(message), scope, request, fill))
            {
                return false;
            }
        }
        return true;
    }

    private static FieldDescriptor? KeyField(MessageDescriptor descriptor)
    {
        var field = descriptor.FindFieldByName(CodeIsShop.Contains(descriptor.FullName) ? "code" : ShopCodeField);
        return field is { FieldType: FieldType.String, IsRepeated: false } ? field : null;
    }

    /// <summary>Whether a message type or one it contains names a shop (cached per type; cycles count as not).</summary>
    private static bool IsRelevant(MessageDescriptor descriptor) =>
        Relevant.TryGetValue(descriptor, out var known) ? known : Relevant.GetOrAdd(descriptor, d => Compute(d, []));

    private static bool Compute(MessageDescriptor descriptor, HashSet<MessageDescriptor> seen)
    {
        if (!seen.Add(descriptor))
        {
            return false;
        }
        return KeyField(descriptor) is not null
            || descriptor.Fields.InDeclarationOrder().Any(f => f.FieldType == FieldType.Message && !f.IsMap && Compute(f.MessageType, seen));
    }
}
