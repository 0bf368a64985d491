using ShopSync.Queue.Audit;
using ShopSync.Storage.Audit;

namespace ShopSync.Storage.Sqlite;

/// <summary>One unit of work for the single writer; its result is released only after the batch commits.</summary>
internal abstract class WriteOperation
{
    public abstract CancellationToken CancellationToken { get; }

    public abstract void Execute(WriteSession session);

    public abstract void Commit();

    public abstract void Fail(Exception exception);
}

/// <summary>
/// A write returning <typeparamref name="T"/>. Made inside an audited call, it carries the call's audit record: the
/// first write of the call inserts it in the same transaction as its change (one more row in the batch).
/// </summary>
internal sealed class WriteOperation<T> : WriteOperation
{
    private readonly Func<WriteSession, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _cancellationToken;
    private readonly AuditRecord? _audit;
    private T? _result;

    public WriteOperation(Func<WriteSession, T> work, CancellationToken cancellationToken, AuditRecord? audit)
    {
        _work = work;
        _cancellationToken = cancellationToken;
        _audit = audit;
    }

    public Task<T> Task => _completion.Task;

    public override CancellationToken CancellationToken => _cancellationToken;

    public override void Execute(WriteSession session)
    {
        try
        {
            _result = _work(session);
            session.FlushEvents();
        }
        catch
        {
            session.DiscardEvents();
            throw;
        }

        if (_audit is not null && _audit.TryClaim(this))
        {
            var command = session.Command(AuditSql.Insert, AuditSql.ParameterCount);
            AuditSql.Bind(command, _audit.ToSucceededEvent());
            command.ExecuteNonQuery();
        }
    }

    public override void Commit()
    {
        _audit?.Confirm(this);
        _completion.TrySetResult(_result!);
    }

    public override void Fail(Exception exception)
    {
        _audit?.Release(this);
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
