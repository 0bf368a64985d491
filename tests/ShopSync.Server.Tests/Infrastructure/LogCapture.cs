using System.Collections.Concurrent;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>Every log line the in-process server writes, at every level, so a test can search them.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyCollection<LogRecord> Records => _records;

    /// <summary>All messages and exceptions as one text (for "this secret never appears" checks).</summary>
    public string AllText => string.Join("\n", _records.Select(r => $"[{r.Category} {r.EventId.Id}] {r.Message} {r.Exception}"));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class CapturingLogger(LogCapture sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values too: a secret must not hide in a property that a JSON sink would print.
            var text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text += " {" + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")) + "}";
            }
            sink._records.Enqueue(new LogRecord(category, logLevel, eventId, text, exception));
        }
    }
}
