using System.Diagnostics;
using System.Globalization;
using OpenTelemetry.Trace;

namespace ShopSync.Server.Telemetry;

/// <summary>
/// Which traces are recorded. A span with a parent follows its parent's decision (so a caller that sends a sampled
/// <c>traceparent</c> gets the whole trace, and one that sends an unsampled one gets none). An attempt is a root with a
/// link to its enqueue span: it is recorded exactly when the enqueue was, so a sampled enqueue always finds its run.
/// Any other root (a call without <c>traceparent</c>, an attempt of an entry queued before tracing) is recorded with the
/// probability <c>Telemetry:TraceSampleRatio</c> (default <see cref="DefaultRatio"/>), decided by its trace id, so
/// every node decides alike.
/// </summary>
internal sealed class TraceSampling : Sampler
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    /// <summary>One trace in ten: what OpenTelemetry's guidance calls a start for a busy service; 1 records all.</summary>
    public const double DefaultRatio = 0.1;

    private readonly Sampler _roots;

    public TraceSampling(double ratio)
    {
        Ratio = ratio;
        _roots = new TraceIdRatioBasedSampler(ratio);
        Description = $"ShopSyncSampler{{parent or link, else ratio {ratio.ToString(CultureInfo.InvariantCulture)}}}";
    }

    public double Ratio { get; }

    public static TraceSampling From(IConfiguration configuration)
    {
        var text = configuration[RatioKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TraceSampling(DefaultRatio);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new ArgumentException($"{RatioKey}: \"{text}\" is not a number from 0 to 1 (the share of traces recorded, e.g. 0.1)");
        }

        return new TraceSampling(ratio);
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.ParentContext.TraceId != default)
        {
            return Decide((samplingParameters.ParentContext.TraceFlags & ActivityTraceFlags.Recorded) != 0);
        }

        if (samplingParameters.Links is { } links)
        {
            foreach (var link in links)
            {
                if (link.Context.TraceId != default)
                {
                    return Decide((link.Context.TraceFlags & ActivityTraceFlags.Recorded) != 0);
                }
            }
        }

        return _roots.ShouldSample(samplingParameters);
    }

    private static SamplingResult Decide(bool recorded) => new(recorded ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
}
