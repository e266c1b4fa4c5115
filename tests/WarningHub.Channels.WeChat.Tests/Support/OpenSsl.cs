using System.Diagnostics;

namespace WarningHub.Channels.WeChat.Tests.Support;

/// <summary>
/// The openssl command line (Debian's, installed by test.sh): an AES implementation nobody here wrote, so a test vector
/// made with it checks our decryption against WeChat's published algorithm rather than against our own encryption.
/// </summary>
internal static class OpenSsl
{
    /// <summary>AES-256-CBC of already padded <paramref name="plain"/>, without openssl's own padding.</summary>
    public static async Task<byte[]> EncryptAes256CbcAsync(byte[] key, byte[] iv, byte[] plain)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "enc", "-aes-256-cbc", "-K", Convert.ToHexString(key), "-iv", Convert.ToHexString(iv), "-nopad" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(plain);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        Assert.True(process.ExitCode == 0, "openssl failed: " + await error);
        return output.ToArray();
    }
}
