using System.CommandLine;
using ShopSync.Cli.Infrastructure;

namespace ShopSync.Cli.Commands;

internal static class ScheduleCommands
{
    public static Command Build(CommandHandlers handlers) => new("schedulecommandsx");
}
