using System.Reflection;
using Google.Protobuf.Reflection;
using ShopSync.Contracts.V1;

namespace ShopSync.Server.Tests.Access;

/// <summary>Every RPC of every service in the contract, found from the generated file descriptors (so a new proto file is included).</summary>
internal static class ContractMethods
{
    public static IReadOnlyList<MethodDescriptor> All { get; } = Find();

    private static List<MethodDescriptor> Find() =>
        typeof(JobQueueService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .ToList();

    public static string FullName(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";
}
