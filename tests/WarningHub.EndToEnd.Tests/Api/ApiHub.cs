namespace WarningHub.EndToEnd.Tests.Api;

/// <summary>One small hub for the API tests of a class, with one warning submitted by the test agency (jingyan-weather).</summary>
public sealed class ApiHub : IAsyncLifetime
{
    internal TestHub Hub { get; private set; } = null!;

    /// <summary>A red rainstorm warning submitted with <see cref="TestHub.ApiKey"/>.</summary>
    public string OwnWarning { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Hub = await TestHub.StartAsync(persons: 200);
        OwnWarning = await Hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
