namespace ShopSync.Storage.Sqlite;

/// <summary>One unit of work for the single writer; its result is released only after the batch commits.</summary>
internal abstract class WriteOperation
{
    public abstract CancellationToken CancellationToken { get; }

    public abstract void Execute(WriteSession session);

    public abstract void Commit();

    public abstract void Fail(Exception exception);
}

/// <summary>A write returning <typeparamref name="T"/>.</summary>
internal sealed class WriteOperation<T> : WriteOperation
{
    private readonly Func<WriteSession, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _cancellationToken;
    private T? _result;

    public WriteOperation(Func<WriteSession, T> work, CancellationToken cancellationToken)
    {
        _work = work;
        _cancellationToken = cancellationToken;
    }

    public Task<T> Task => _completion.Task;

    public override CancellationToken CancellationToken => _cancellationToken;

    public override void Execute(WriteSession session) => _result = _work(session);

    public override void Commit() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            _completion.TrySetCanceled(_cancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
