using Spectre.Console;

namespace ShopSync.Cli.Infrastructure;

/// <summary>
/// Where the CLI writes: <see cref="Out"/> for results (tables, JSON), <see cref="Error"/> for error lines,
/// <see cref="Ansi"/> for tables and the progress bar (writing to <see cref="Out"/>). Tests pass their own.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, IAnsiConsole ansi, bool isTerminal, Func<string, string?> environment)
    {
        Out = output;
        Error = error;
        Ansi = ansi;
        IsTerminal = isTerminal;
        Environment = environment;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Ansi { get; }

    /// <summary>True when the output is an interactive terminal: live progress bars instead of plain lines.</summary>
    public bool IsTerminal { get; }

    /// <summary>Reads an environment variable (SHOPSYNC_SERVER, SHOPSYNC_USER).</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>The process's console.</summary>
    public static CliConsole System()
    {
        var ansi = AnsiConsole.Console;
        var terminal = !Console.IsOutputRedirected && ansi.Profile.Capabilities.Interactive && ansi.Profile.Capabilities.Ansi;
        if (!terminal)
        {
            // Plain output (a pipe, a log file): no escape codes, wide enough that tables do not wrap.
            return Plain(Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable);
        }
        return new CliConsole(Console.Out, Console.Error, ansi, terminal, global::System.Environment.GetEnvironmentVariable);
    }

    /// <summary>A console writing plain text (no colours, no live display) to the given writers.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ansi.Profile.Width = 200;
        return new CliConsole(output, error, ansi, isTerminal: false, environment ?? (_ => null));
    }
}
