using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Channels.Sms.Http;

namespace WarningHub.Server.Api;

/// <summary>
/// GET and POST /api/v1/sms/http/{gateway}/receipts: delivery reports of an HTTP SMS gateway whose receipts come by
/// callback (Kannel's dlr-url, a Generic API's push). The gateway authenticates with its CallbackToken (header
/// X-Callback-Token) or the per-message signature the hub put in the URL it gave, checked by the adapter; it has no API key.
/// </summary>
internal static class HttpSmsReceiptEndpoint
{
    public const int MaxFormBytes = 16 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, string gateway)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.RequestServices.GetKeyedService<HttpSmsGateway>(gateway) is not { } adapter)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "No such HTTP SMS gateway", detail: "This hub has no HTTP SMS gateway of that name.");
        }

        var fields = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (http.Request.HasFormContentType && http.Request.ContentLength is null or <= MaxFormBytes)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            foreach (var (name, value) in form) fields[name] = value.ToString();
        }

        var outcome = adapter.AcceptCallback(fields, http.Request.Headers["X-Callback-Token"].FirstOrDefault(), out var problem);
        return outcome switch
        {
            ReceiptCallbackOutcome.Unauthorized => Problems.Of(StatusCodes.Status401Unauthorized, "Receipt not authenticated", detail: problem),
            ReceiptCallbackOutcome.Invalid => Problems.Of(StatusCodes.Status400BadRequest, "Receipt not understood", detail: problem),
            _ => Results.Text("OK"),
        };
    }
}
