using ShopSync.Queue.Errors;
using ShopSync.Queue.Handlers;
using Microsoft.Extensions.Options;

namespace ShopSync.Queue.Entries;

/// <summary>Checks an enqueue request field by field and resolves its defaults into a new entry.</summary>
internal sealed class EnqueueValidator
{
    // The messages of the checks every entry passes are built once: a bulk enqueue validates each of its entries, and
    // an interpolated message is put together before the check runs.
    private static readonly string ShopCodeTooLong = $"must be at most {JobDefaults.ShopCodeMaxLength} characters.";
    private static readonly string DescriptionTooLong = $"must be at most {JobDefaults.DescriptionMaxLength} characters.";
    private static readonly string MaxAttemptsOutOfRange = $"must be between 0 and {JobDefaults.MaxAttemptsLimit}.";

    private readonly IReportCatalog _catalog;
    private readonly IJobParametersValidator[] _parameterValidators;
    private readonly QueueOptions _options;

    public EnqueueValidator(IReportCatalog catalog, IEnumerable<IJobParametersValidator> parameterValidators, IOptions<QueueOptions> options)
    {
        _catalog = catalog;
        _parameterValidators = [.. parameterValidators];
        _options = options.Value;
    }

    /// <summary>The category the entry will have (not yet checked): the request's, trimmed, else the default.</summary>
    public string CategoryOf(EnqueueRequest request) =>
        string.IsNullOrWhiteSpace(request.CategoryCode) ? _options.DefaultCategoryCode : request.CategoryCode.Trim();

    /// <summary>The new entry, carrying <paramref name="traceParent"/> (the enqueue span) so it is built once.</summary>
    public Job Resolve(EnqueueRequest request, DateTimeOffset now, string? traceParent = null)
    {
        var definition = _catalog.Find(request.ReportId)?.Definition
            ?? throw new JobValidationException("report_id", $"no task {request.ReportId} is registered on this server.");
        var category = CategoryOf(request);
        CategoryCodes.Check(category, "category_code");
        Check((request.ShopCode ?? string.Empty).Length <= JobDefaults.ShopCodeMaxLength, "shop_code", ShopCodeTooLong);
        if (definition.RequiresShop && string.IsNullOrWhiteSpace(request.ShopCode))
        {
            throw new JobValidationException("shop_code", $"is required for task {definition.ReportId} {definition.Name}: queue it for a shop.");
        }
        Check((request.Description ?? string.Empty).Length <= JobDefaults.DescriptionMaxLength, "description", DescriptionTooLong);
        Check(request.Priority is null or >= 0, "priority", "must not be negative.");
        var maxAttempts = request.MaxAttempts ?? definition.DefaultMaxAttempts;
        Check(maxAttempts is >= 0 and <= JobDefaults.MaxAttemptsLimit, "max_attempts", MaxAttemptsOutOfRange);
        var rerunDelay = request.RerunDelay ?? definition.DefaultRerunDelay;
        Check(rerunDelay >= TimeSpan.Zero && rerunDelay <= JobDefaults.RerunDelayLimit, "rerun_delay", "must be between 0 and 3600 seconds.");
        var timeout = request.Timeout ?? JobDefaults.Timeout;
        Check(timeout > TimeSpan.Zero && timeout <= JobDefaults.TimeoutLimit, "timeout", "must be more than 0 and at most 7 days.");
        var earliest = request.EarliestStart ?? now;
        Check(request.Expiration is null || request.Expiration > now, "expiration", "is in the past.");
        Check(request.Expiration is null || request.Expiration > earliest, "expiration", "must be after earliest_start.");
        Check(request.ScheduleId.HasValue == request.OccurrenceUtc.HasValue, "occurrence_utc", "schedule_id and occurrence_utc go together.");
        ValidateParameters(request.ReportId, request.Filters ?? [], request.Options ?? []);

        return new Job
        {
            Id = Guid.CreateVersion7(now),
            EntryNo = 0,
            ReportId = request.ReportId,
            Description = string.IsNullOrEmpty(request.Description) ? definition.Name : request.Description,
            ShopCode = request.ShopCode ?? string.Empty,
            CategoryCode = category,
            Priority = request.Priority ?? JobDefaults.Priority,
            Status = request.OnHold ? JobStatus.OnHold : JobStatus.Ready,
            EarliestStart = earliest,
            Expiration = request.Expiration,
            MaxAttempts = maxAttempts,
            RerunDelay = rerunDelay,
            Timeout = timeout,
            Filters = request.Filters ?? [],
            Options = request.Options ?? [],
            CreatedBy = request.CreatedBy ?? string.Empty,
            CreatedAt = now,
            UpdatedAt = now,
            ScheduleId = request.ScheduleId,
            OccurrenceUtc = request.OccurrenceUtc,
            TraceParent = traceParent,
        };
    }

    public void ValidateParameters(int reportId, IReadOnlyList<RequestPageFilter> filters, IReadOnlyList<RequestPageOption> options)
    {
        RequestLimits.CheckCount(filters.Count, RequestLimits.FiltersPerRequest, "filters");
        RequestLimits.CheckCount(options.Count, RequestLimits.OptionsPerRequest, "options");

        // No sets for the usual zero or one item: a bulk enqueue validates every entry.
        var fields = filters.Count > 1 ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
        for (var i = 0; i < filters.Count; i++)
        {
            Check(!string.IsNullOrWhiteSpace(filters[i].Field), $"filters[{i}].field", "is required.");
            RequestLimits.CheckLength(filters[i].Field, RequestLimits.NameLength, $"filters[{i}].field");
            RequestLimits.CheckLength(filters[i].Expression, RequestLimits.FilterExpressionLength, $"filters[{i}].expression");
            Check(filters[i].Expression is not null, $"filters[{i}].expression", "is required.");
            Check(fields?.Add(filters[i].Field) ?? true, $"filters[{i}].field", $"'{RequestLimits.Quote(filters[i].Field)}' is filtered twice.");
        }

        var names = options.Count > 1 ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
        for (var i = 0; i < options.Count; i++)
        {
            Check(!string.IsNullOrWhiteSpace(options[i].Name), $"options[{i}].name", "is required.");
            RequestLimits.CheckLength(options[i].Name, RequestLimits.NameLength, $"options[{i}].name");
            RequestLimits.CheckLength(options[i].Value, RequestLimits.OptionValueLength, $"options[{i}].value");
            Check(options[i].Value is not null, $"options[{i}].value", "is required.");
            Check(names?.Add(options[i].Name) ?? true, $"options[{i}].name", $"'{RequestLimits.Quote(options[i].Name)}' is given twice.");
        }

        foreach (var validator in _parameterValidators)
        {
            validator.Validate(reportId, filters, options);
        }
    }

    private static void Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new JobValidationException(field, message);
        }
    }
}
