using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// Reads the one row of a decoded batch column by column, BY NAME, validating against the schema's
/// <see cref="FieldSpec"/>s: wrong type → Malformed; required column absent or null → MissingField;
/// NaN/±inf → NonFinite; outside <see cref="FieldSpec.Range"/> or <see cref="FieldSpec.AllowedValues"/> → OutOfRange;
/// longer than a cap → Oversized. Columns the schema does not know are never looked at, and a nullable column
/// that is absent (written by an older minor version) reads as null.
/// </summary>
public sealed class ArrowRowReader(RecordBatch batch, MessageSchema schema, CodecLimits limits)
{
    public MessageSchema Schema => schema;

    public CodecLimits Limits => limits;

    public string String(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name)
    {
        var spec = schema[name];
        if (Column(spec) is not StringArray array) return null;
        int byteLength = array.GetValueLength(0);
        if (byteLength > 4 * limits.MaxStringLength) throw TooLongString(name, byteLength);
        string value = array.GetString(0);
        CheckString(spec, name, value);
        return value;
    }

    public double Double(string name) => OptionalDouble(name) ?? throw Missing(name);

    public double? OptionalDouble(string name)
    {
        var spec = schema[name];
        if (Column(spec) is not DoubleArray array) return null;
        double value = array.Values[0];
        CheckNumber(spec, name, value);
        return value;
    }

    public int Int32(string name) => OptionalInt32(name) ?? throw Missing(name);

    public int? OptionalInt32(string name)
    {
        var spec = schema[name];
        if (Column(spec) is not Int32Array array) return null;
        int value = array.Values[0];
        CheckNumber(spec, name, value);
        return value;
    }

    public long Int64(string name) => OptionalInt64(name) ?? throw Missing(name);

    public long? OptionalInt64(string name)
    {
        var spec = schema[name];
        if (Column(spec) is not Int64Array array) return null;
        long value = array.Values[0];
        CheckNumber(spec, name, value);
        return value;
    }

    public bool Bool(string name) => OptionalBool(name) ?? throw Missing(name);

    public bool? OptionalBool(string name) => Column(schema[name]) is BooleanArray array ? array.GetValue(0) : null;

    public DateTimeOffset Timestamp(string name) => OptionalTimestamp(name) ?? throw Missing(name);

    public DateTimeOffset? OptionalTimestamp(string name)
    {
        if (Column(schema[name]) is not TimestampArray array) return null;
        long milliseconds = array.Values[0];
        if (milliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new RecordValidationException(ValidationReason.OutOfRange, name, $"{milliseconds} ms since the epoch is not a representable time");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>A list&lt;float64&gt; whose elements may not be null.</summary>
    public double[] DoubleList(string name, int maxLength, string capName) => OptionalDoubleList(name, maxLength, capName) ?? throw Missing(name);

    public double[]? OptionalDoubleList(string name, int maxLength, string capName)
    {
        var spec = schema[name];
        if (ListSlice(spec, maxLength, capName) is not var (values, start, length)) return null;
        var array = (DoubleArray)values;
        var span = array.Values.Slice(start, length);
        var result = new double[length];
        for (int i = 0; i < length; i++)
        {
            if (array.IsNull(start + i)) throw MissingItem(name, i);
            CheckNumber(spec, name, span[i], i);
            result[i] = span[i];
        }

        return result;
    }

    /// <summary>A list&lt;float64&gt; whose elements may be null (the schema must say so).</summary>
    public double?[] NullableItemDoubleList(string name, int maxLength, string capName) =>
        OptionalNullableItemDoubleList(name, maxLength, capName) ?? throw Missing(name);

    public double?[]? OptionalNullableItemDoubleList(string name, int maxLength, string capName)
    {
        var spec = schema[name];
        if (ListSlice(spec, maxLength, capName) is not var (values, start, length)) return null;
        var array = (DoubleArray)values;
        var span = array.Values.Slice(start, length);
        var result = new double?[length];
        for (int i = 0; i < length; i++)
        {
            if (array.IsNull(start + i))
            {
                if (!spec.ItemsNullable) throw MissingItem(name, i);
                continue;
            }

            CheckNumber(spec, name, span[i], i);
            result[i] = span[i];
        }

        return result;
    }

    /// <summary>A list&lt;float32&gt; whose elements may not be null.</summary>
    public float[]? OptionalFloatList(string name, int maxLength, string capName)
    {
        var spec = schema[name];
        if (ListSlice(spec, maxLength, capName) is not var (values, start, length)) return null;
        var array = (FloatArray)values;
        var span = array.Values.Slice(start, length);
        var result = new float[length];
        for (int i = 0; i < length; i++)
        {
            if (array.IsNull(start + i)) throw MissingItem(name, i);
            CheckNumber(spec, name, span[i], i);
            result[i] = span[i];
        }

        return result;
    }

    public float[] FloatList(string name, int maxLength, string capName) => OptionalFloatList(name, maxLength, capName) ?? throw Missing(name);

    public long[] Int64List(string name, int maxLength, string capName)
    {
        var spec = schema[name];
        if (ListSlice(spec, maxLength, capName) is not var (values, start, length)) throw Missing(name);
        var array = (Int64Array)values;
        var span = array.Values.Slice(start, length);
        var result = new long[length];
        for (int i = 0; i < length; i++)
        {
            if (array.IsNull(start + i)) throw MissingItem(name, i);
            CheckNumber(spec, name, span[i], i);
            result[i] = span[i];
        }

        return result;
    }

    public string[] StringList(string name, int maxLength, string capName) => OptionalStringList(name, maxLength, capName) ?? throw Missing(name);

    /// <summary>A list&lt;utf8&gt; whose elements may not be null; null when the column is null or absent (and nullable).</summary>
    public string[]? OptionalStringList(string name, int maxLength, string capName)
    {
        var spec = schema[name];
        if (ListSlice(spec, maxLength, capName) is not var (values, start, length)) return null;
        var array = (StringArray)values;
        var result = new string[length];
        for (int i = 0; i < length; i++)
        {
            if (array.IsNull(start + i)) throw MissingItem(name, i);
            int byteLength = array.GetValueLength(start + i);
            if (byteLength > 4 * limits.MaxStringLength) throw TooLongString(name, byteLength);
            result[i] = array.GetString(start + i);
            CheckString(spec, $"{name}[{i}]", result[i]);
        }

        return result;
    }

    /// <summary>A row-major float32 tensor; every element finite and inside the field's range.</summary>
    public float[] Tensor(string name) => OptionalTensor(name) ?? throw Missing(name);

    public float[]? OptionalTensor(string name)
    {
        var spec = schema[name];
        if (Column(spec) is not FixedSizeListArray array) return null;
        int size = ((FixedSizeListType)spec.ArrowType).ListSize;
        var values = array.Values as FloatArray ?? throw Malformed(name, "tensor values are not float32");
        long start = (long)array.Offset * size;
        if (start + size > values.Length) throw Malformed(name, $"tensor storage holds {values.Length} values, fewer than {start + size}");
        var span = values.Values.Slice((int)start, size);
        var result = new float[size];
        bool mayHaveNulls = values.NullCount != 0;
        for (int i = 0; i < size; i++)
        {
            if (mayHaveNulls && values.IsNull((int)start + i)) throw MissingItem(name, i);
            float value = span[i];
            // Fast path: the common in-range finite value skips the general check (which formats the error).
            if (!(spec.Range is { } range && float.IsFinite(value) && range.Contains(value))) CheckNumber(spec, name, value, i);
            result[i] = value;
        }

        return result;
    }

    /// <summary>An error for the codec's own cross-field checks.</summary>
    public static RecordValidationException Error(ValidationReason reason, string field, string message) => new(reason, field, message);

    private (IArrowArray Values, int Start, int Length)? ListSlice(FieldSpec spec, int maxLength, string capName)
    {
        if (Column(spec) is not ListArray list) return null;
        var offsets = list.ValueOffsets;
        int start = offsets[0];
        int length = offsets[1] - offsets[0];
        if (start < 0 || length < 0 || start > list.Values.Length - length)
        {
            throw Malformed(spec.Name, $"list offsets [{start}, {start}+{length}) lie outside its {list.Values.Length} values");
        }

        if (length > maxLength)
        {
            throw new RecordValidationException(ValidationReason.Oversized, spec.Name,
                $"{length} entries exceed the cap of {maxLength} (CodecLimits.{capName})");
        }

        return (list.Values, start, length);
    }

    /// <summary>The column's array when present and not null; null when absent-and-nullable or null-and-nullable.</summary>
    private IArrowArray? Column(FieldSpec spec)
    {
        int index = batch.Schema.GetFieldIndex(spec.Name, StringComparer.Ordinal);
        if (index < 0) return spec.Nullable ? null : throw new RecordValidationException(ValidationReason.MissingField, spec.Name, "required column is absent");
        var field = batch.Schema.GetFieldByIndex(index);
        string actual = ArrowTypes.ToText(field.DataType);
        if (actual != spec.ArrowTypeText) throw Malformed(spec.Name, $"column has type {actual}, the schema says {spec.ArrowTypeText}");
        if (index >= batch.ColumnCount) throw Malformed(spec.Name, "column has no data");
        var array = batch.Column(index);
        if (array.Length != 1) throw Malformed(spec.Name, $"column has {array.Length} values, the message has one row");
        if (array.IsNull(0)) return spec.Nullable ? null : throw Missing(spec.Name);
        return array;
    }

    private void CheckString(FieldSpec spec, string field, string value)
    {
        if (value.Length > limits.MaxStringLength) throw TooLongString(field, value.Length);
        if (spec.AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new RecordValidationException(ValidationReason.OutOfRange, field,
                $"'{Shorten(value)}' is not one of {string.Join(", ", allowed)}");
        }

        if (value.Length == 0 && !spec.Nullable) throw new RecordValidationException(ValidationReason.MissingField, field, "is empty");
    }

    private static void CheckNumber(FieldSpec spec, string name, double value, int? index = null)
    {
        // Hot path (every list element, every image pixel): no allocation unless the value is refused.
        if (!double.IsFinite(value))
        {
            throw new RecordValidationException(ValidationReason.NonFinite, name, $"{Where(name, index)} is {value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (spec.Range is { } range && !range.Contains(value))
        {
            throw new RecordValidationException(ValidationReason.OutOfRange, name,
                $"{Where(name, index)} = {value.ToString("R", CultureInfo.InvariantCulture)}{(spec.Unit is null ? "" : " " + spec.Unit)} is outside {range}");
        }
    }

    private static string Where(string name, int? index) => index is { } i ? $"{name}[{i}]" : name;

    private static RecordValidationException Missing(string name) => new(ValidationReason.MissingField, name, "required value is null");

    private static RecordValidationException MissingItem(string name, int index) =>
        new(ValidationReason.MissingField, name, $"{name}[{index}] is null; elements of this list are required");

    private RecordValidationException TooLongString(string name, int length) =>
        new(ValidationReason.Oversized, name, $"string of {length} characters/bytes exceeds the cap of {limits.MaxStringLength} (CodecLimits.MaxStringLength)");

    private static RecordValidationException Malformed(string name, string message) => new(ValidationReason.Malformed, name, message);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
