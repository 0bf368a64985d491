using Google.Protobuf;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ShopSync.Cli.Infrastructure;

/// <summary>Results: human tables and lines through Spectre, or JSON through Google.Protobuf's JsonFormatter.</summary>
internal sealed class CliOutput(CliConsole console, bool json)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public bool IsJson => json;

    public IAnsiConsole Ansi => console.Ansi;

    /// <summary>One JSON document (a whole result) or one JSON line (a stream item): the same text, one line.</summary>
    public void Json(IMessage message)
    {
        console.Out.WriteLine(Formatter.Format(message));
        console.Out.Flush();
    }

    /// <summary>A JSON document composed of formatted messages.</summary>
    public void RawJson(string json)
    {
        console.Out.WriteLine(json);
        console.Out.Flush();
    }

    public static string FormatJson(IMessage message) => Formatter.Format(message);

    public void Line(string text)
    {
        if (!json)
        {
            console.Ansi.WriteLine(text);
        }
    }

    public void Markup(string markup)
    {
        if (!json)
        {
            console.Ansi.MarkupLine(markup);
        }
    }

    public void Render(IRenderable renderable)
    {
        if (!json)
        {
            console.Ansi.Write(renderable);
        }
    }

    /// <summary>A message for humans that must not pollute JSON output (goes to stderr then).</summary>
    public void Note(string text)
    {
        if (json)
        {
            console.Error.WriteLine(text);
        }
        else
        {
            console.Ansi.WriteLine(text);
        }
    }
}
