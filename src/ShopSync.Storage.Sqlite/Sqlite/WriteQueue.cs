namespace ShopSync.Storage.Sqlite;

/// <summary>
/// The writer's intake: callers queue operations, the writer thread takes them in batches of at most
/// <c>maxBatch</c> and sleeps while there are none. Operations whose caller gave up are answered as cancelled here
/// and never reach a transaction.
/// </summary>
/// <remarks>
/// A plain monitor-guarded queue: the writer thread sleeps in Monitor.Wait without spinning. Blocking on a channel's
/// WaitToReadAsync spun (sched_yield) before every wait, which on 2 cores took CPU from the handlers.
/// </remarks>
internal sealed class WriteQueue
{
    private readonly Queue<WriteOperation> _queue = new();
    private readonly object _sync = new();
    private readonly int _maxBatch;
    private bool _completed;
    private bool _sleeping;

    public WriteQueue(int maxBatch)
    {
        _maxBatch = maxBatch;
    }

    /// <summary>Queues <paramref name="operation"/>; throws as <paramref name="owner"/> disposed once completed.</summary>
    public void Add(WriteOperation operation, object owner)
    {
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_completed, owner);
            _queue.Enqueue(operation);
            if (_sleeping)
            {
                Monitor.Pulse(_sync);
            }
        }
    }

    /// <summary>Refuses further operations and wakes the writer, which drains what is queued and then stops.</summary>
    public void Complete()
    {
        lock (_sync)
        {
            _completed = true;
            Monitor.Pulse(_sync);
        }
    }

    /// <summary>Waits for work and adds up to the batch size of it to <paramref name="batch"/>; false once completed and drained.</summary>
    public bool WaitAndTake(List<WriteOperation> batch)
    {
        lock (_sync)
        {
            while (_queue.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                _sleeping = true;
                Monitor.Wait(_sync);
                _sleeping = false;
            }

            TakeLocked(batch);
        }

        DropCancelled(batch, 0);
        return true;
    }

    /// <summary>
    /// Adds what was queued since the last take to <paramref name="batch"/>, without waiting (the writer takes the
    /// arrivals into a transaction before its commit). Costs nothing when none came; false when none was taken.
    /// </summary>
    public bool TakeArrivals(List<WriteOperation> batch)
    {
        var first = batch.Count;
        lock (_sync)
        {
            TakeLocked(batch);
        }

        DropCancelled(batch, first);
        return batch.Count > first;
    }

    private void TakeLocked(List<WriteOperation> batch)
    {
        while (batch.Count < _maxBatch && _queue.TryDequeue(out var operation))
        {
            batch.Add(operation);
        }
    }

    private static void DropCancelled(List<WriteOperation> batch, int from)
    {
        for (var i = batch.Count - 1; i >= from; i--)
        {
            var operation = batch[i];
            if (operation.CancellationToken.IsCancellationRequested)
            {
                operation.Fail(new OperationCanceledException(operation.CancellationToken));
                batch.RemoveAt(i);
            }
        }
    }
}
