using System.Text.Json.Serialization;

namespace ShopSync.Server.Dashboard;

/// <summary>The JSON of <see cref="DashboardOidc.PageSettings"/> (source-generated).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DashboardOidc.PageSettings))]
internal sealed partial class PageSettingsJson : JsonSerializerContext;
