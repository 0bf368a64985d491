using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Server.Grpc;
using ShopSync.Connector.RequestPages;
using ShopSync.Connector.Shops;
using Engine = ShopSync.Queue.Entries;

namespace ShopSync.Server.Jobs;

/// <summary>
/// The request pages of the tasks: what each declares, the filters set on entries or as defaults of
/// (shop, report), and their validation when set. New entries get the defaults merged under their own
/// filters (entry wins per field) unless they ask not to.
/// </summary>
internal sealed class RequestPageService(
    IReportCatalog reports,
    RequestPageCatalog pages,
    RequestPageDefaultsStore defaults,
    IShopRegistry shops,
    IJobQueue queue)
{
    public ListReportsResponse ListReports()
    {
        var response = new ListReportsResponse();
        foreach (var r in reports.Reports)
        {
            var info = new ReportInfo { ReportId = r.ReportId, Name = r.Name, Description = r.Description };
            info.Aliases.AddRange(r.Aliases);
            response.Reports.Add(info);
        }
        return response;
    }

    public GetRequestPageResponse GetRequestPage(int reportId)
    {
        var definition = Definition(reportId, "report_id");
        var page = new RequestPage { ReportId = definition.ReportId, ReportName = definition.ReportName };
        page.Fields.AddRange(definition.Fields.Select(ToMessage));
        page.Options.AddRange(definition.Options.Select(ToMessage));
        return new GetRequestPageResponse { RequestPage = page };
    }

    public async Task<SetRequestPageFiltersResponse> SetAsync(SetRequestPageFiltersRequest request, CancellationToken cancellationToken)
    {
        var filters = request.Filters.Select(f => (f.Field, f.Expression)).ToList();
        var options = request.Options.Select(o => (o.Name, o.Value)).ToList();
        var response = new SetRequestPageFiltersResponse();
        switch (request.TargetCase)
        {
            case SetRequestPageFiltersRequest.TargetOneofCase.JobId:
            {
                var id = JobRequests.JobId(request.JobId);
                var job = await queue.GetAsync(id, cancellationToken);
                var valid = Validate(job.ReportId, filters, options);
                var stored = await queue.SetParametersAsync(id, ToFilters(valid), ToOptions(valid), cancellationToken);
                ParameterMessages.Fill(response.Filters, response.Options, stored.Filters, stored.Options);
                break;
            }
            case SetRequestPageFiltersRequest.TargetOneofCase.ShopReport:
            {
                var (shop, reportId) = await ShopReportAsync(request.ShopReport, cancellationToken);
                var valid = Validate(reportId, filters, options);
                var value = new RequestPageDefaults(ToFilters(valid), ToOptions(valid));
                await defaults.SetAsync(shop, reportId, value, cancellationToken);
                ParameterMessages.Fill(response.Filters, response.Options, value.Filters, value.Options);
                break;
            }
            default:
                throw RpcErrors.InvalidArgument("target", "set job_id or shop_report");
        }
        return response;
    }

    public async Task<GetRequestPageFiltersResponse> GetAsync(GetRequestPageFiltersRequest request, CancellationToken cancellationToken)
    {
        var response = new GetRequestPageFiltersResponse();
        switch (request.TargetCase)
        {
            case GetRequestPageFiltersRequest.TargetOneofCase.JobId:
                var job = await queue.GetAsync(JobRequests.JobId(request.JobId), cancellationToken);
                ParameterMessages.Fill(response.Filters, response.Options, job.Filters, job.Options);
                break;
            case GetRequestPageFiltersRequest.TargetOneofCase.ShopReport:
                var (shop, reportId) = await ShopReportAsync(request.ShopReport, cancellationToken);
                var value = await defaults.GetAsync(shop, reportId, cancellationToken);
                ParameterMessages.Fill(response.Filters, response.Options, value.Filters, value.Options);
                break;
            default:
                throw RpcErrors.InvalidArgument("target", "set job_id or shop_report");
        }
        return response;
    }

    /// <summary>The entry's filters over the (shop, report) defaults, validated; the entry wins per field.</summary>
    public async Task<EnqueueRequest> WithDefaultsAsync(
        EnqueueRequest request, bool ignoreDefaults, CancellationToken cancellationToken, string fieldPrefix = "")
    {
        var filters = request.Filters.Select(f => (f.Field, f.Expression)).ToList();
        var options = request.Options.Select(o => (o.Name, o.Value)).ToList();
        // An unknown report is refused here, with the list of the known ones (the engine's message lacks it).
        Definition(request.ReportId, fieldPrefix + "report_id");
        var entry = Validate(request.ReportId, filters, options, fieldPrefix);
        if (!ignoreDefaults && request.ShopCode.Length > 0)
        {
            var stored = await defaults.GetAsync(request.ShopCode, request.ReportId, cancellationToken);
            if (stored.Filters.Count > 0 || stored.Options.Count > 0)
            {
                var fromDefaults = Validate(
                    request.ReportId,
                    stored.Filters.Select(f => (f.Field, f.Expression)).ToList(),
                    stored.Options.Select(o => (o.Name, o.Value)).ToList());
                entry = fromDefaults.OverriddenBy(entry);
            }
        }
        return request with { Filters = ToFilters(entry), Options = ToOptions(entry) };
    }

    /// <summary>Validates against the report's request page; problems become INVALID_ARGUMENT naming the fields.</summary>
    /// <param name="prefix">Prefixed to every field path, e.g. <c>definition.</c> for UpdateSchedule.</param>
    public RequestPageFilters Validate(
        int reportId,
        IReadOnlyList<(string Field, string Expression)> filters,
        IReadOnlyList<(string Name, string Value)> options,
        string prefix = "")
    {
        var definition = Definition(reportId, prefix + "report_id");
        RequestLimits.CheckParameters(filters, options, prefix);
        try
        {
            return definition.Validate(filters, options);
        }
        catch (FilterValidationException e)
        {
            throw RequestPageErrors.ToRpc(e, filters, options, prefix);
        }
    }

    private RequestPageDefinition Definition(int reportId, string field)
    {
        var report = reports.Find(reportId)?.Definition;
        if (report is null)
        {
            var known = string.Join(", ", reports.Reports.Select(r => $"{r.ReportId} {r.Name}"));
            throw RpcErrors.InvalidArgument(field, $"unknown report {reportId}; this server runs: {known}");
        }
        return pages.TryGet(reportId, out var page) ? page : new RequestPageDefinition(reportId, report.Name, [], []);
    }

    private async Task<(string Shop, int ReportId)> ShopReportAsync(ShopReport? target, CancellationToken cancellationToken)
    {
        if (target is null || target.ShopCode.Length == 0)
        {
            throw RpcErrors.InvalidArgument("shop_report.shop_code", "is required");
        }
        var shop = await shops.FindAsync(target.ShopCode, cancellationToken)
            ?? throw RpcErrors.NotFound("shop", RequestLimits.Quote(target.ShopCode), $"shop_report.shop_code: shop \"{RequestLimits.Quote(target.ShopCode)}\" does not exist");
        Definition(target.ReportId, "shop_report.report_id");
        return (shop.Code, target.ReportId);
    }

    private static List<Engine.RequestPageFilter> ToFilters(RequestPageFilters valid) =>
        valid.Filters.Select(f => new Engine.RequestPageFilter(f.Field.Name, f.Expression)).ToList();

    private static List<Engine.RequestPageOption> ToOptions(RequestPageFilters valid) =>
        valid.Options.Where(o => !o.IsUnset).Select(o => new Engine.RequestPageOption(o.Name, o.Text)).ToList();

    private static Contracts.V1.RequestPageField ToMessage(Queue.Filters.RequestPageField field)
    {
        var m = new Contracts.V1.RequestPageField { Name = field.Name, Type = (FieldType)(int)field.Type, Description = field.Description };
        m.OptionValues.AddRange(field.OptionValues);
        return m;
    }
}
