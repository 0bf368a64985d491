namespace ShopSync.Server.Hosting;

/// <summary>Registers the server's one clock.</summary>
internal static class ClockComposition
{
    /// <summary>The system clock, or an accelerated one when <c>Clock:Speed</c> is set (demos and soak tests).</summary>
    public static IServiceCollection AddServerClock(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AcceleratedTimeProvider.FromConfiguration(configuration));
        return services;
    }
}
