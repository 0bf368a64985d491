using Microsoft.Extensions.Logging;

namespace ShopSync.Queue.Tests.Scheduling;

/// <summary>Debug aid: appends log lines to a file named by SHOPSYNC_TEST_LOG (off when unset).</summary>
internal sealed class FileLog : ILoggerProvider, ILogger
{
    private static readonly object Gate = new();
    private readonly string _path;

    public FileLog(string path) => _path = path;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Gate)
        {
            File.AppendAllText(_path, $"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}\n");
        }
    }

    public void Dispose()
    {
    }
}
