using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// A record batch as an Arrow IPC stream, written without the codec's validation (ToRecordBatch does not validate;
/// Encode does): how the drills make the bad messages survey pipelines really emit.
/// </summary>
internal static class UncheckedArrow
{
    public static byte[] Write(RecordBatch batch)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, batch.Schema))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return stream.ToArray();
    }
}
