using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace StreamProcessor.Contracts.Tests;

/// <summary>Builds Arrow IPC streams by hand, to produce messages that no codec would write.</summary>
internal static class ArrowTestBytes
{
    public static byte[] Stream(Schema schema, IReadOnlyList<IArrowArray> columns, int length)
    {
        using var batch = new RecordBatch(schema, columns, length);
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return stream.ToArray();
    }

    /// <summary>The batch with columns removed, replaced or appended, and schema metadata overridden.</summary>
    public static byte[] Rewrite(
        RecordBatch batch,
        IReadOnlyDictionary<string, (Field Field, IArrowArray Array)?>? replace = null,
        IReadOnlyList<(Field Field, IArrowArray Array)>? append = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var fields = new List<Field>();
        var arrays = new List<IArrowArray>();
        for (int i = 0; i < batch.ColumnCount; i++)
        {
            var field = batch.Schema.GetFieldByIndex(i);
            if (replace is not null && replace.TryGetValue(field.Name, out var swap))
            {
                if (swap is { } s)
                {
                    fields.Add(s.Field);
                    arrays.Add(s.Array);
                }

                continue;
            }

            fields.Add(field);
            arrays.Add(batch.Column(i));
        }

        foreach (var (field, array) in append ?? [])
        {
            fields.Add(field);
            arrays.Add(array);
        }

        var meta = new Dictionary<string, string>(batch.Schema.Metadata);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) meta[key] = value;
        return Stream(new Schema(fields, meta), arrays, batch.Length);
    }
}
