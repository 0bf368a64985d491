using System.CommandLine;
using ShopSync.Cli.Infrastructure;

namespace ShopSync.Cli.Commands;

internal static class FiltersCommands
{
    public static Command Build(CommandHandlers handlers) => new("filterscommandsx");
}
