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

    /// <summary>Checks (and, for a one-shop principal, fills) the shops a request names.</summary>
    public static void CheckRequest(IMessage request, ShopScope scope, bool mutates)
    {
        if (KeyField(request.Descriptor) is { } top && (string)top.Accessor.GetValue(request) is { Length: 0 })
        {
            if (scope.Single is { } only)
            {
                top.Accessor.SetValue(request, only);
            }
            else if (mutates)
            {
                throw RpcErrors.InvalidArgument(top.Name, "is required: this principal may act on several shops, name one of them");
            }
        }
        Walk(request, scope, request: true);
    }

    /// <summary>Removes other shops' elements from a response; false when the response itself is about another shop.</summary>
    public static bool FilterResponse(IMessage response, ShopScope scope) => Walk(response, scope, request: false);

    private static bool Walk(IMessage message, ShopScope scope, bool request)
    {
        var descriptor = message.Descriptor;
        if (!IsRelevant(descriptor))
        {
            return true;
        }
        if (KeyField(descriptor) is { } key && (string)key.Accessor.GetValue(message) is { Length: > 0 } shop && !scope.Allows(shop))
        {
            return request ? throw RpcErrors.NotFound("shop", shop, $"{key.Name}: shop '{shop}' was not found.") : false;
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
                    if (!Walk((IMessage)list[i]!, scope, request))
                    {
                        list.RemoveAt(i);
                    }
                }
            }
            else if (field.Accessor.HasValue(message) && !Walk((IMessage)field.Accessor.GetValue(message), scope, request))
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
