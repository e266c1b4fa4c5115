using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace WarningHub.Storage.Sqlite;

/// <summary>
/// The embedded database: one writer connection behind a gate (SQLite has one writer at a time anyway)
/// and pooled reader connections, all in WAL mode.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly WriterGate _gate = new();
    private readonly bool _synchronousFull;
    private readonly ConcurrentDictionary<string, WriterUse> _uses = new(StringComparer.Ordinal);
    private readonly SqliteConnection _checkpointer;
    private readonly CancellationTokenSource _stopCheckpoints = new();
    private readonly Task _checkpoints;
    private long _fullCheckpoints;

    /// <summary>How often the WAL is copied back into the database file, off the writer.</summary>
    internal static readonly TimeSpan CheckpointEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The writer checkpoints by itself only past this many WAL pages (about 64 MB): a backstop for when the background
    /// checkpoints cannot keep up (a long reader holding an old snapshot), not the usual path.
    /// </summary>
    private const int BackstopCheckpointPages = 16_384;

    public SqliteDatabase(SqliteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var full = System.IO.Path.GetFullPath(options.Path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        Path = full;
        _synchronousFull = options.SynchronousFull;
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, "PRAGMA journal_mode=WAL;");
        Execute(_writer, options.SynchronousFull ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        Execute(_writer, "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA busy_timeout=30000;");
        // SQLite's default checkpoints inside the commit that fills 1,000 WAL pages: the one writer then copies pages and
        // waits on fsync while every send's outcome queues behind it. A passive checkpoint on a connection of its own
        // runs beside the writer instead (it takes no write lock) and keeps the WAL short.
        Execute(_writer, $"PRAGMA wal_autocheckpoint={BackstopCheckpointPages};");
        Schema.Apply(_writer);
        _checkpointer = new SqliteConnection(_connectionString);
        _checkpointer.Open();
        _checkpoints = Task.Run(CheckpointLoopAsync);
    }

    private async Task CheckpointLoopAsync()
    {
        using var timer = new PeriodicTimer(CheckpointEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopCheckpoints.Token).ConfigureAwait(false))
            {
                try
                {
                    using var checkpoint = _checkpointer.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    using var r = checkpoint.ExecuteReader();
                    // (busy, pages in the WAL, pages copied): all copied means the next write starts the WAL over.
                    if (r.Read() && r.GetInt64(0) == 0 && r.GetInt64(1) > 0 && r.GetInt64(1) == r.GetInt64(2)) Interlocked.Increment(ref _fullCheckpoints);
                }
                catch (SqliteException)
                {
                    // Busy or interrupted: the next tick tries again, and the writer's backstop bounds the WAL meanwhile.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>Background checkpoints that copied the whole WAL back (for tests).</summary>
    internal long FullCheckpoints => Interlocked.Read(ref _fullCheckpoints);

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Runs <paramref name="work"/> with the writer connection inside one transaction.</summary>
    /// <param name="flushToDisk">Commit with synchronous=FULL (an fsync) whatever the default is.</param>
    /// <param name="urgent">Goes before every ordinary writer waiting (<see cref="WriterGate"/>): for short writes a send waits on.</param>
    /// <param name="caller">Who writes, for <see cref="WriterUses"/>.</param>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken, bool flushToDisk = false,
        bool urgent = false, [CallerMemberName] string caller = "")
    {
        await _gate.EnterAsync(urgent, cancellationToken);
        var start = Stopwatch.GetTimestamp();
        try
        {
            if (flushToDisk && !_synchronousFull) Execute(_writer, "PRAGMA synchronous=FULL;");
            try
            {
                using var tx = _writer.BeginTransaction();
                var result = work(_writer, tx);
                tx.Commit();
                return result;
            }
            finally
            {
                if (flushToDisk && !_synchronousFull) Execute(_writer, "PRAGMA synchronous=NORMAL;");
            }
        }
        finally
        {
            _uses.GetOrAdd(caller, static _ => new WriterUse()).Add(Stopwatch.GetTimestamp() - start);
            _gate.Exit();
        }
    }

    /// <summary>
    /// How long each caller of <see cref="WriteAsync{T}"/> has held the one writer since start, and how often: SQLite
    /// writes one transaction at a time, so the sum against the wall clock says how close the hub is to its write limit.
    /// </summary>
    public IReadOnlyDictionary<string, (long Transactions, TimeSpan Held)> WriterUses =>
        _uses.ToDictionary(u => u.Key, u => (u.Value.Transactions, u.Value.Held), StringComparer.Ordinal);

    private sealed class WriterUse
    {
        private long _transactions;
        private long _ticks;

        public long Transactions => Interlocked.Read(ref _transactions);

        public TimeSpan Held => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

        public void Add(long ticks)
        {
            Interlocked.Increment(ref _transactions);
            Interlocked.Add(ref _ticks, ticks);
        }
    }

    /// <summary>Runs <paramref name="work"/> with the writer connection inside one transaction that is rolled back.</summary>
    public async Task RehearseAsync(Action<SqliteConnection, SqliteTransaction> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.EnterAsync(urgent: false, cancellationToken);
        try
        {
            using var tx = _writer.BeginTransaction();
            work(_writer, tx);
            tx.Rollback();
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Opens a reader connection (WAL readers do not block the writer).</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        // In line like any ordinary writer, not ahead: outcomes a stopping engine queued before the disposal are written
        // first (a clean stop leaves nothing "possibly duplicated"); writers that come after it are refused.
        await _gate.EnterAsync(urgent: false, CancellationToken.None);
        _gate.Close();
        await _stopCheckpoints.CancelAsync();
        await _checkpoints;
        _checkpointer.Dispose();
        _stopCheckpoints.Dispose();
        _writer.Dispose();
    }
}
