using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ShopSync.Server.Demo;

internal static class DemoComposition
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        services.AddSingleton<DemoStore>();
        return services;
    }

    /// <summary>Starts the sandbox store and upserts the demo shop when <c>--demo</c> is given.</summary>
    public static async Task StartDemoAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>($"{DemoOptions.SectionName}:Enabled"))
        {
            await services.GetRequiredService<DemoStore>().StartAsync(cancellationToken);
        }
    }
}
