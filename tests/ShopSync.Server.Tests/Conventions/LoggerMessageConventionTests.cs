using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ShopSync.Server.Tests.Conventions;

/// <summary>Every [LoggerMessage] of every product assembly names its event, and its id is unique in its assembly.</summary>
public sealed class LoggerMessageConventionTests
{
    /// <summary>
    /// The server and every ShopSync assembly it loads.
    /// </summary>
    private static IReadOnlyList<Assembly> ProductAssemblies()
    {
        var server = typeof(ShopSync.Server.Hosting.ServerComposition).Assembly;
        var found = new Dictionary<string, Assembly> { [server.GetName().Name!] = server };
        var pending = new Queue<Assembly>([server]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("ShopSync.", StringComparison.Ordinal) && !found.ContainsKey(name))
                {
                    var loaded = Assembly.Load(reference);
                    found[name] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return [.. found.Values];
    }

    private static IEnumerable<(MethodInfo Method, LoggerMessageAttribute Attribute)> LoggerMessages(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (method, attribute);

    [Fact]
    public void ProductAssemblies_Found_IncludeTheConnectorClientAndSandbox()
    {
        var names = ProductAssemblies().Select(a => a.GetName().Name).ToHashSet();

        Assert.Contains("ShopSync.Queue", names);
        Assert.Contains("ShopSync.Storage", names);
        Assert.Contains("ShopSync.Connector", names);
        Assert.Contains("ShopSync.Shopify.Client", names);
        Assert.Contains("ShopSync.Shopify.Sandbox", names);
    }

    [Fact]
    public void LoggerMessages_EveryProductAssembly_HaveAnEventName()
    {
        var unnamed = ProductAssemblies()
            .SelectMany(a => LoggerMessages(a).Select(m => (Assembly: a, m.Method, m.Attribute)))
            .Where(m => string.IsNullOrWhiteSpace(m.Attribute.EventName))
            .Select(m => $"{m.Assembly.GetName().Name}: {m.Method.DeclaringType!.FullName}.{m.Method.Name}")
            .ToList();

        Assert.True(unnamed.Count == 0, "[LoggerMessage] without EventName: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void LoggerMessages_EveryProductAssembly_HaveEventIdsUniqueInTheirAssembly()
    {
        var assemblies = ProductAssemblies();
        var duplicates = assemblies
            .SelectMany(a => LoggerMessages(a)
                .GroupBy(m => m.Attribute.EventId)
                .Where(g => g.Count() > 1)
                .Select(g => $"{a.GetName().Name} id {g.Key}: " + string.Join(", ", g.Select(m => m.Method.DeclaringType!.Name + "." + m.Method.Name))))
            .ToList();

        Assert.True(assemblies.Sum(a => LoggerMessages(a).Count()) > 40, "the scan found too few [LoggerMessage] methods to be looking in the right place");
        Assert.True(duplicates.Count == 0, "Reused event ids: " + string.Join("; ", duplicates));
    }
}
