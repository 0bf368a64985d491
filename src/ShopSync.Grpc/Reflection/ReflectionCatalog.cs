using Google.Protobuf;
using Google.Protobuf.Reflection;
using ShopSync.Grpc.Server.Internal;

namespace ShopSync.Grpc.Reflection;

/// <summary>
/// What server reflection can describe: the files of every mapped service and their transitive dependencies,
/// indexed by file name and by fully-qualified symbol. Rebuilt when services are added.
/// </summary>
internal sealed class ReflectionCatalog(GrpcServiceRegistry registry)
{
    private readonly object _gate = new();
    private Index? _index;

    public IReadOnlyList<string> ServiceNames() => Current().ServiceNames;

    public FileDescriptor? FindFile(string fileName) =>
        Current().Files.GetValueOrDefault(fileName);

    public FileDescriptor? FindFileContainingSymbol(string symbol) =>
        Current().Symbols.GetValueOrDefault(symbol.TrimStart('.'));

    public FieldDescriptor? FindExtension(string containingType, int number)
    {
        foreach (var file in Current().Files.Values)
        {
            foreach (var extension in file.Extensions.UnorderedExtensions)
            {
                if (extension.ExtendeeType?.FullName == containingType.TrimStart('.') && extension.FieldNumber == number)
                {
                    return extension;
                }
            }
        }
        return null;
    }

    public bool IsKnownMessage(string typeName) =>
        Current().Symbols.TryGetValue(typeName.TrimStart('.'), out var file)
        && file.FindTypeByName<MessageDescriptor>(typeName.TrimStart('.')) is not null;

    /// <summary>The file and its transitive dependencies, serialized, skipping files already sent on this stream.</summary>
    public List<ByteString> SerializeWithDependencies(FileDescriptor file, ISet<string> alreadySent)
    {
        var result = new List<ByteString>();
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!alreadySent.Add(next.Name))
            {
                continue;
            }
            result.Add(next.SerializedData);
            foreach (var dependency in next.Dependencies)
            {
                pending.Push(dependency);
            }
        }
        return result;
    }

    private Index Current()
    {
        var services = registry.Services;
        lock (_gate)
        {
            if (_index is null || _index.ServiceNames.Count != services.Count)
            {
                _index = Build(services);
            }
            return _index;
        }
    }

    private static Index Build(IReadOnlyList<ServiceDescriptor> services)
    {
        var files = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        foreach (var service in services)
        {
            pending.Push(service.File);
        }
        while (pending.Count > 0)
        {
            var file = pending.Pop();
            if (!files.TryAdd(file.Name, file))
            {
                continue;
            }
            SymbolIndexer.AddSymbols(file, symbols);
            foreach (var dependency in file.Dependencies)
            {
                pending.Push(dependency);
            }
        }
        var names = services.Select(s => s.FullName).ToList();
        return new Index(names, files, symbols);
    }

    private sealed record Index(IReadOnlyList<string> ServiceNames, Dictionary<string, FileDescriptor> Files, Dictionary<string, FileDescriptor> Symbols);
}
