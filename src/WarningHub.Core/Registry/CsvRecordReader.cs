namespace WarningHub.Core.Registry;

/// <summary>
/// Streams RFC 4180 records from a <see cref="TextReader"/>: comma-separated, fields optionally quoted with
/// doubled quotes inside, line breaks inside quoted fields, CRLF or LF line ends, a leading BOM ignored and
/// blank lines skipped. The fields of the current record live in one reused buffer, so reading a million rows
/// allocates only what the caller keeps. A malformed record is still consumed and reports <see cref="Error"/>.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] block = new char[64 * 1024];
    private readonly List<int> fieldEnds = [];
    private char[] buffer = new char[512];
    private int length;
    private int blockLength;
    private int blockPosition;
    private int line = 1;
    private bool started;

    /// <summary>Physical line (1-based) on which the current record starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Physical line the reader has reached, for errors raised while decoding.</summary>
    public int CurrentLine => line;

    public int FieldCount => fieldEnds.Count;

    /// <summary>Why the current record is malformed, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Index of the field <see cref="Error"/> concerns.</summary>
    public int ErrorField { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : fieldEnds[index - 1];
            return buffer.AsSpan(start, fieldEnds[index] - start);
        }
    }

    /// <summary>Moves to the next record; false at the end of the input.</summary>
    public bool ReadRecord()
    {
        Error = null;
        length = 0;
        fieldEnds.Clear();
        var c = Read();
        if (!started)
        {
            started = true;
            c = c == '\uFEFF' ? Read() : c;
        }

        while (c is '\r' or '\n')
        {
            EndLine(c);
            c = Read();
        }

        if (c == -1)
        {
            return false;
        }

        LineNumber = line;
        while (true)
        {
            c = c == '"' ? ReadQuoted() : ReadUnquoted(c);
            fieldEnds.Add(length);
            if (c != ',')
            {
                EndLine(c);
                return true;
            }

            c = Read();
        }
    }

    // Returns the character that ended the field: ',', '\r', '\n' or -1.
    private int ReadQuoted()
    {
        var opened = line;
        while (true)
        {
            var c = Read();
            if (c == -1)
            {
                Fail($"the quoted field opened on line {opened} is never closed");
                return -1;
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    break;
                }

                Read();
            }
            else if (c == '\n' || (c == '\r' && Peek() != '\n'))
            {
                line++;
            }

            Append((char)c);
        }

        var next = Read();
        if (next is ',' or '\r' or '\n' or -1)
        {
            return next;
        }

        Fail("text follows a closing quote (a quote inside a field must be doubled)");
        while (next is not (',' or '\r' or '\n' or -1))
        {
            next = Read();
        }

        return next;
    }

    private int ReadUnquoted(int c)
    {
        while (c is not (',' or '\r' or '\n' or -1))
        {
            if (c == '"')
            {
                Fail("a quote inside an unquoted field (quote the whole field and double the quote)");
            }

            Append((char)c);
            c = Read();
        }

        return c;
    }

    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Read();
        }

        if (c != -1)
        {
            line++;
        }
    }

    private void Fail(string reason)
    {
        if (Error is null)
        {
            Error = reason;
            ErrorField = fieldEnds.Count;
        }
    }

    private void Append(char c)
    {
        if (length == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        buffer[length++] = c;
    }

    private int Read() => Fill() ? block[blockPosition++] : -1;

    private int Peek() => Fill() ? block[blockPosition] : -1;

    private bool Fill()
    {
        if (blockPosition < blockLength)
        {
            return true;
        }

        blockLength = reader.Read(block, 0, block.Length);
        blockPosition = 0;
        return blockLength > 0;
    }
}
