using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Api;

/// <summary>Finds the agency that holds an API key (the X-Api-Key header), comparing in constant time.</summary>
public sealed class ApiKeyAgency(IOptionsMonitor<HubOptions> options)
{
    public const string Header = "X-Api-Key";

    /// <summary>The agency whose key is <paramref name="presented"/>, or null.</summary>
    public AgencyOptions? Of(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (presented.Length == 0) return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        AgencyOptions? match = null;
        // Every key is compared, whatever matched before: the time taken says nothing about which key was close.
        foreach (var agency in options.CurrentValue.Agencies)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(agency.ApiKey))) match = agency;
        }
        return match;
    }
}
