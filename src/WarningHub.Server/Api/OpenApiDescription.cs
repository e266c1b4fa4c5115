using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WarningHub.Server.Security;

namespace WarningHub.Server.Api;

/// <summary>
/// What the generated OpenAPI document (/openapi/v1.json) cannot infer: the API-key and session schemes, which operations need
/// it, and the CAP body of the submit operation (read by hand, so that every refusal is the hub's own problem+json).
/// </summary>
internal sealed class OpenApiDescription : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string DocumentName = "v1";
    public static readonly string[] CapMediaTypes = ["application/cap+xml", "application/xml", "application/json"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "WarningHub API";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAgency.Header,
            Description = "The agency's key. An agency reads only the warnings it submitted; another agency's warning is a 404.",
        };
        document.Components.SecuritySchemes[SessionAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A user's session token from POST /api/v1/sessions: approvers approve and reject; county staff read every warning.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            // Alternatives: an agency's key, or a user's session.
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
            });
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SessionAuthenticationHandler.SchemeName, context.Document)] = [],
            });
        }
        if (metadata.OfType<CapRequestBody>().Any())
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A CAP 1.2 alert, as XML or as JSON.",
                Content = CapMediaTypes.ToDictionary(t => t, t => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = t == "application/json" ? JsonSchemaType.Object : JsonSchemaType.String },
                }),
            };
        }
        return Task.CompletedTask;
    }
}

/// <summary>Marks an endpoint whose body is a CAP document it reads itself.</summary>
internal sealed record CapRequestBody;

/// <summary>Declares an endpoint's problem+json answers for the OpenAPI document.</summary>
internal static class ProblemMetadata
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statusCodes)
    {
        foreach (var status in statusCodes) endpoint.ProducesProblem(status);
        return endpoint;
    }
}
