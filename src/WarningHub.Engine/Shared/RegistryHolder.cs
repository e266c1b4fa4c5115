using WarningHub.Core.Registry;

namespace WarningHub.Engine.Shared;

/// <summary>The registry the planner works on; replaced whole on import, never mutated.</summary>
public sealed class RegistryHolder
{
    private CountyRegistry? _current;

    public CountyRegistry Current
    {
        get => Volatile.Read(ref _current) ?? throw new InvalidOperationException("No registry loaded: import one with `warninghub import`.");
        set => Volatile.Write(ref _current, value ?? throw new ArgumentNullException(nameof(value)));
    }

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>Terminals, followers and officers; empty until some are imported.</summary>
    public CountyEndpoints Endpoints
    {
        get => Volatile.Read(ref _endpoints);
        set => Volatile.Write(ref _endpoints, value ?? throw new ArgumentNullException(nameof(value)));
    }

    private CountyEndpoints _endpoints = CountyEndpoints.Empty;
}
