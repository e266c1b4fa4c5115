using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Engine.Intake;
using WarningHub.Engine.Shared;
using WarningHub.Server.Configuration;
using WarningHub.Server.Security;
using WarningHub.Server.Signatures;

namespace WarningHub.Server.Api;

/// <summary>POST /api/v1/warnings: CAP XML or JSON in, 202 with the id after the warning is durable.</summary>
internal static class WarningSubmission
{
    public static async Task<Results<Accepted<SubmitResponse>, ProblemHttpResult>> PostAsync(HttpContext http, WarningIntake intake, IOptions<HubOptions> options,
        CapSignatures signatures, RegistryHolder registry, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(http, options, signatures, registry, cancellationToken);
        if (read.Problem is { } problem) return problem;
        var (alert, agency, received) = (read.Alert!, read.Agency!, read.Received);
        var result = await intake.SubmitAsync(alert, agency, http.User.UserOf(), cancellationToken, received);
        return result.Outcome switch
        {
            IntakeOutcome.Accepted or IntakeOutcome.Duplicate => TypedResults.Accepted($"/api/v1/warnings/{result.Warning!.PublicId}",
                SubmitResponse.Of(result.Warning, result.Outcome == IntakeOutcome.Duplicate)),
            IntakeOutcome.Conflict => Problems.Of(StatusCodes.Status409Conflict, "Identifier already used with other content", result.Problems),
            IntakeOutcome.Unavailable => Problems.Of(StatusCodes.Status503ServiceUnavailable, "Hub not ready", result.Problems),
            IntakeOutcome.Forbidden => Problems.Of(StatusCodes.Status403Forbidden, "Not allowed", result.Problems),
            _ => Problems.Of(StatusCodes.Status400BadRequest, "Invalid warning", result.Problems),
        };
    }

    /// <summary>
    /// Everything a submission and a preview check before intake: the caller's agency, media type and encoding, size, CAP
    /// parse, sender, signature and the agency's scope. A refusal is the problem answer; nothing is stored.
    /// </summary>
    internal static async Task<SubmissionRead> ReadAsync(HttpContext http, IOptions<HubOptions> options, CapSignatures signatures,
        RegistryHolder registry, CancellationToken cancellationToken)
    {
        // The "agency" policy lets only a known key through; the authentication handler put its agency into claims.
        var agency = http.User.AgencyOf() ?? throw new InvalidOperationException("POST /api/v1/warnings is mapped without the agency policy.");

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var isXml = mediaType is "application/cap+xml" or "application/xml" or "text/xml";
        var isJson = mediaType is "application/json" or "application/cap+json";
        if (!isXml && !isJson)
            return SubmissionRead.Refused(Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail: "Send CAP 1.2 as application/cap+xml, application/xml or application/json."));

        // The body is read as sent; an encoded one (gzip…) would be parsed as garbage, so it is refused by name.
        if (http.Request.Headers.ContentEncoding is { Count: > 0 } encoding && !encoding.All(e => string.Equals(e?.Trim(), "identity", StringComparison.OrdinalIgnoreCase)))
            return SubmissionRead.Refused(Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding", [new CapProblem("Content-Encoding", "is not accepted (gzip, deflate, br…): send the CAP document uncompressed")]));

        var max = options.Value.MaxRequestBytes;
        if (http.Request.ContentLength > max)
            return SubmissionRead.Refused(Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request too large", detail: $"The limit is {max} bytes."));
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > max) return SubmissionRead.Refused(Problems.Of(StatusCodes.Status413PayloadTooLarge, "Request too large", detail: $"The limit is {max} bytes."));
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        var readOptions = new CapReadOptions { MaxDocumentLength = max };
        var parsed = isXml ? CapXmlReader.Read(body, readOptions) : CapJsonReader.Read(body, readOptions);
        if (!parsed.IsValid) return SubmissionRead.Refused(Problems.Of(StatusCodes.Status400BadRequest, "Invalid CAP document", parsed.Problems));
        var alert = parsed.Alert!;
        if (!http.User.MaySubmitAs(alert.Sender))
            return SubmissionRead.Refused(Problems.Of(StatusCodes.Status403Forbidden, "Sender not allowed", [new CapProblem("sender", $"agency '{agency}' may not submit as '{alert.Sender}'")]));

        // The signature is checked on the bytes as received: the parsed alert has lost what canonicalization covers.
        var received = isXml ? body.ToArray() : null;
        var signature = signatures.Check(agency, received);
        if (signature.State == SignatureState.Refused)
            return SubmissionRead.Refused(Problems.Of(StatusCodes.Status400BadRequest, "Signature refused", [new CapProblem("Signature", signature.Problem!)]));

        // Scope: the agency's event types and areas (403 naming the field); checked on the registry the hub plans with.
        if (registry.IsLoaded && options.Value.Agencies.FirstOrDefault(a => a.Name == agency) is { } own
            && new AgencyScope(own.Events, own.Areas).Check(alert, registry.Current) is { Count: > 0 } outside)
            return SubmissionRead.Refused(Problems.Of(StatusCodes.Status403Forbidden, "Outside the agency's scope", outside));

        return new SubmissionRead(alert, agency, received, null);
    }
}

/// <summary>A submission read and checked up to intake, or the problem that refused it.</summary>
internal sealed record SubmissionRead(CapAlert? Alert, string? Agency, byte[]? Received, ProblemHttpResult? Problem)
{
    public static SubmissionRead Refused(ProblemHttpResult problem) => new(null, null, null, problem);
}
