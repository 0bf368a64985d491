using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// Hands HTTP requests to a <see cref="SandboxStore"/> in process, without Kestrel: a client whose primary handler
/// this is talks to the sandbox as if over the network (same status codes, headers and bodies; an aborted connection
/// is an <see cref="HttpRequestException"/>). Any URL works; only the Admin GraphQL endpoint is answered.
/// </summary>
public sealed class SandboxMessageHandler : HttpMessageHandler
{
    private readonly SandboxStore store;

    /// <summary>Creates a handler answering from <paramref name="store"/>.</summary>
    public SandboxMessageHandler(SandboxStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/graphql.json", StringComparison.Ordinal) != true)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var token = request.Headers.TryGetValues("X-Shopify-Access-Token", out var values) ? values.FirstOrDefault() : null;
        var answer = store.Handle(token, body);
        if (answer.Abort)
        {
            throw new HttpRequestException("The sandbox aborted the connection.", null, null);
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { RequestMessage = request };
        response.Headers.Add("X-Request-Id", answer.RequestId);
        if (answer.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter.ToString("0.0", CultureInfo.InvariantCulture));
        }

        response.Content = answer.Body is null
            ? new ByteArrayContent([])
            : new StringContent(answer.Body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return response;
    }
}
