using System.IO.Ports;
using System.Text;

namespace WarningHub.Simulators.Serial;

/// <summary>
/// A serial TTS module (SYN6288 / XFS5152 style) on one end of a serial line, for example the second pty of a socat
/// pair. It parses frames with its own code (not the adapter's): 0xFD, big-endian length, command, data, optional XOR.
/// A valid frame is answered 0x41, a bad length, checksum, command or text 0x45; a synthesis frame while speaking
/// 0x4E. Speaking takes <see cref="TtsModuleSimulatorOptions.TimePerCharacter"/> per character, after which it sends
/// 0x4F. Everything it spoke is recorded. Command handling is in TtsModuleSimulator.Commands.cs.
/// </summary>
public sealed partial class TtsModuleSimulator : IAsyncDisposable
{
    private readonly SerialPort _port;
    private readonly TimeProvider _time;
    private readonly SerialEventLog? _log;
    private readonly List<byte> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Task _loop = Task.CompletedTask;

    static TtsModuleSimulator()
    {
        // GB2312/GBK and BIG5 decoding; registration is process-wide and idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Creates a simulator for the serial device at <paramref name="path"/>; call <see cref="Start"/>.</summary>
    public TtsModuleSimulator(string path, TtsModuleSimulatorOptions? options = null, TimeProvider? time = null, SerialEventLog? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Options = options ?? new TtsModuleSimulatorOptions();
        _time = time ?? TimeProvider.System;
        _log = log;
        _port = new SerialPort(path, Options.BaudRate);
    }

    /// <summary>The options it was created with.</summary>
    public TtsModuleSimulatorOptions Options { get; }

    /// <summary>While true the module reads frames but answers nothing, like a module without power.</summary>
    public bool Silent { get; set; }

    /// <summary>Opens the port and starts answering.</summary>
    public void Start()
    {
        _port.Open();
        _loop = Task.Run(() => ReadLoopAsync(_stop.Token));
    }

    /// <summary>Stops answering and closes the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _port.Dispose();
        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken stop)
    {
        var buffer = new byte[1024];
        var stream = _port.BaseStream;
        while (!stop.IsCancellationRequested)
        {
            int read;
            using (var stall = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                if (_pending.Count > 0)
                {
                    stall.CancelAfter(Options.InterByteTimeout);
                }

                try
                {
                    read = await stream.ReadAsync(buffer, stall.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // A frame stopped half-way: the module gives up on it.
                    _pending.Clear();
                    await RejectAsync();
                    continue;
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }

            if (read == 0)
            {
                return;
            }

            _pending.AddRange(buffer.AsSpan(0, read));
            await ProcessPendingAsync();
        }
    }

    private async Task ProcessPendingAsync()
    {
        while (true)
        {
            var header = _pending.IndexOf(0xFD);
            if (header < 0)
            {
                _pending.Clear();
                return;
            }

            _pending.RemoveRange(0, header);
            if (_pending.Count < 3)
            {
                return;
            }

            var length = (_pending[1] << 8) | _pending[2];
            if (length == 0 || length > Options.MaxDataLength)
            {
                _pending.RemoveAt(0);
                await RejectAsync();
                continue;
            }

            if (_pending.Count < 3 + length)
            {
                return;
            }

            var frame = _pending.GetRange(0, 3 + length).ToArray();
            _pending.RemoveRange(0, 3 + length);
            await HandleFrameAsync(frame);
        }
    }

    private async Task AnswerAsync(params byte[] answer)
    {
        if (Silent)
        {
            return;
        }

        await _writeLock.WaitAsync();
        try
        {
            await _port.BaseStream.WriteAsync(answer);
            await _port.BaseStream.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The line is gone; the test or demo that closed it does not expect answers any more.
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
