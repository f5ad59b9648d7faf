using System.Globalization;
using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace StreamProcessor.Ingestion.Tables;

/// <summary>
/// Reading input tables from Arrow files, shared by the member-row and profile readers: either IPC format, and cells
/// by column name with the loose typing files have (any float or integer width for numbers, plain or view strings).
/// </summary>
public static class ArrowTables
{
    /// <summary>Every record batch of an Arrow IPC file ("ARROW1" magic) or stream; the caller disposes each.</summary>
    public static async IAsyncEnumerable<RecordBatch> ReadBatchesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        // The IPC file format starts with the magic "ARROW1"; otherwise it is the streaming format.
        var magic = new byte[6];
        int read = await stream.ReadAsync(magic, cancellationToken);
        stream.Position = 0;
        using ArrowStreamReader reader = read == 6 && System.Text.Encoding.ASCII.GetString(magic) == "ARROW1" ? new ArrowFileReader(stream) : new ArrowStreamReader(stream);
        while (await reader.ReadNextRecordBatchAsync(cancellationToken) is { } batch)
        {
            yield return batch;
        }
    }

    public static IArrowArray? Column(RecordBatch batch, string name) =>
        batch.Schema.GetFieldIndex(name) is >= 0 and var index ? batch.Column(index) : null;

    public static string? Text(RecordBatch batch, string name, int row) => Column(batch, name) switch
    {
        StringArray s => s.GetString(row),
        StringViewArray s => s.GetString(row),
        _ => null,
    };

    public static double? Number(RecordBatch batch, string name, int row) => Column(batch, name) switch
    {
        DoubleArray d => d.GetValue(row),
        FloatArray f => f.GetValue(row),
        Int64Array l => l.GetValue(row),
        Int32Array n => n.GetValue(row),
        _ => null,
    };

    public static DateTime? Time(RecordBatch batch, string name, int row) => Column(batch, name) switch
    {
        TimestampArray t => t.GetTimestamp(row)?.UtcDateTime,
        Date64Array d => d.GetDateTimeOffset(row)?.UtcDateTime,
        StringArray s when DateTime.TryParse(s.GetString(row), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => null,
    };
}
