using Apache.Arrow;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// Turns a row of a record batch into plain .NET values (for printing, CSV and Parquet export): strings, double, float,
/// int, long, bool, DateTimeOffset (UTC), and object?[] for lists and tensors; null for null.
/// </summary>
public static class ArrowRows
{
    /// <summary>Column name → value of row <paramref name="row"/>, in column order.</summary>
    public static IReadOnlyDictionary<string, object?> ToRow(RecordBatch batch, int row = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, batch.Length);
        var result = new Dictionary<string, object?>(batch.ColumnCount, StringComparer.Ordinal);
        for (int c = 0; c < batch.ColumnCount; c++) result[batch.Schema.GetFieldByIndex(c).Name] = ValueAt(batch.Column(c), row);
        return result;
    }

    /// <summary>The value at <paramref name="index"/> of an array of a type the contracts use.</summary>
    public static object? ValueAt(IArrowArray array, int index)
    {
        if (array.IsNull(index)) return null;
        return array switch
        {
            StringArray a => a.GetString(index),
            DoubleArray a => a.Values[index],
            FloatArray a => a.Values[index],
            Int32Array a => a.Values[index],
            Int64Array a => a.Values[index],
            BooleanArray a => a.GetValue(index),
            TimestampArray a => a.GetTimestamp(index),
            ListArray a => Elements(a.Values, a.ValueOffsets[index], a.ValueOffsets[index + 1] - a.ValueOffsets[index]),
            FixedSizeListArray a => Elements(a.Values, (a.Offset + index) * ((Apache.Arrow.Types.FixedSizeListType)a.Data.DataType).ListSize,
                ((Apache.Arrow.Types.FixedSizeListType)a.Data.DataType).ListSize),
            _ => throw new NotSupportedException($"Arrow type {array.Data.DataType.Name} is not used by the message contracts"),
        };
    }

    private static object?[] Elements(IArrowArray values, int start, int length)
    {
        var result = new object?[length];
        for (int i = 0; i < length; i++) result[i] = ValueAt(values, start + i);
        return result;
    }
}
