using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Reflection;

/// <summary>Lists the fully-qualified symbols a file declares: services, methods, messages, enums, fields, extensions.</summary>
internal static class SymbolIndexer
{
    public static void AddSymbols(FileDescriptor file, Dictionary<string, FileDescriptor> symbols)
    {
        foreach (var service in file.Services)
        {
            symbols.TryAdd(service.FullName, file);
            foreach (var method in service.Methods)
            {
                symbols.TryAdd(method.FullName, file);
            }
        }
        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file, symbols);
        }
        foreach (var enumType in file.EnumTypes)
        {
            symbols.TryAdd(enumType.FullName, file);
        }
        foreach (var extension in file.Extensions.UnorderedExtensions)
        {
            symbols.TryAdd(extension.FullName, file);
        }
    }

    private static void AddMessage(MessageDescriptor message, FileDescriptor file, Dictionary<string, FileDescriptor> symbols)
    {
        symbols.TryAdd(message.FullName, file);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            symbols.TryAdd(field.FullName, file);
        }
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file, symbols);
        }
        foreach (var enumType in message.EnumTypes)
        {
            symbols.TryAdd(enumType.FullName, file);
        }
    }
}
