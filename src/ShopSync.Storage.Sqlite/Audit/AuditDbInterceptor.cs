using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using ShopSync.Queue.Audit;

namespace ShopSync.Storage.Audit;

/// <summary>
/// Writes the ambient call's audit record in the same transaction as an EF Core change: when a transaction starts
/// inside an audited call, the record is its first row; a SaveChanges that would not open a transaction of its own
/// (EF Core saves a single statement without one) is given one. Add it to a context with <c>AddInterceptors</c>.
/// </summary>
public sealed class AuditDbInterceptor : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _opened = [];

    /// <summary>The one instance (it keeps no state of its own beyond the transactions it opened).</summary>
    public static AuditDbInterceptor Instance { get; } = new();

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsTransaction(eventData.Context) is { } context)
        {
            _opened.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
        }
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsTransaction(eventData.Context) is { } context)
        {
            _opened.AddOrUpdate(context, context.Database.BeginTransaction());
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await using (transaction.ConfigureAwait(false))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        using (var transaction = Take(eventData.Context))
        {
            transaction?.Commit();
        }
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackAsync(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackAsync(eventData.Context);

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        using var transaction = Take(eventData.Context);
        transaction?.Rollback();
    }

    public void SaveChangesCanceled(DbContextEventData eventData)
    {
        using var transaction = Take(eventData.Context);
        transaction?.Rollback();
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (AuditScope.Current is { } record && record.TryClaim(result))
        {
            using var command = InsertCommand(connection, result, record);
            command.ExecuteNonQuery();
        }
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (AuditScope.Current is { } record && record.TryClaim(result))
        {
            await using var command = InsertCommand(connection, result, record);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        AuditScope.Current?.Confirm(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditScope.Current?.Confirm(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        AuditScope.Current?.Release(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditScope.Current?.Release(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        AuditScope.Current?.Release(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditScope.Current?.Release(transaction);
        return Task.CompletedTask;
    }

    private static DbContext? NeedsTransaction(DbContext? context) =>
        context is not null && AuditScope.Current is { IsWritten: false } && context.Database.CurrentTransaction is null
            && context.ChangeTracker.HasChanges() ? context : null;

    private IDbContextTransaction? Take(DbContext? context)
    {
        if (context is null || !_opened.TryGetValue(context, out var transaction))
        {
            return null;
        }
        _opened.Remove(context);
        return transaction;
    }

    private async Task RollBackAsync(DbContext? context)
    {
        if (Take(context) is { } transaction)
        {
            await using (transaction.ConfigureAwait(false))
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static DbCommand InsertCommand(DbConnection connection, DbTransaction transaction, AuditRecord record)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AuditSql.Insert;
        AuditSql.Bind(command, record.ToSucceededEvent());
        return command;
    }
}
