using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Api;

/// <summary>Finds the agency of a request by its API key (X-Api-Key header), comparing in constant time.</summary>
public sealed class ApiKeyAgency(IOptionsMonitor<HubOptions> options)
{
    public const string Header = "X-Api-Key";

    public AgencyOptions? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[Header].ToString();
        if (presented.Length == 0) return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        AgencyOptions? match = null;
        foreach (var agency in options.CurrentValue.Agencies)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(agency.ApiKey))) match = agency;
        }
        return match;
    }
}
