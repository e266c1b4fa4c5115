using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Channels.WeChat;

namespace WarningHub.Server.Api;

/// <summary>
/// GET and POST /api/v1/callbacks/wechat/{account}: WeChat's server-configuration handshake and its event pushes,
/// of which TEMPLATESENDJOBFINISH becomes a receipt of the account. WeChat authenticates by signature (checked by the
/// adapter before the body is read), so no API key is asked for.
/// </summary>
internal static class WeChatCallbackEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, string account)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.RequestServices.GetKeyedService<WeChatCallback>(account) is not { } callback)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "No such WeChat account", detail: "This hub has no WeChat account of that name.");
        }
        var query = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var answer = await callback.HandleAsync(http.Request.Method, query, http.Request.Body, http.RequestAborted);
        return Results.Text(answer.Body, answer.ContentType, statusCode: answer.StatusCode);
    }
}
