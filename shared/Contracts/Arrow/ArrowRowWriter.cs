using Apache.Arrow;
using Apache.Arrow.Types;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// Builds the one-row record batch of a message, column by column, in the order of the schema's fields.
/// Values are written as given (nulls included); the codec's validation decides whether they are acceptable.
/// </summary>
public sealed class ArrowRowWriter(MessageSchema schema)
{
    private readonly Dictionary<string, IArrowArray> _columns = new(StringComparer.Ordinal);

    public ArrowRowWriter String(string name, string? value) =>
        Set(name, ArrowTypes.Utf8, value is null ? new StringArray.Builder().AppendNull().Build() : new StringArray.Builder().Append(value).Build());

    public ArrowRowWriter Double(string name, double? value) =>
        Set(name, ArrowTypes.Float64, new DoubleArray.Builder().Append(value).Build());

    public ArrowRowWriter Int32(string name, int? value) =>
        Set(name, ArrowTypes.Int32, new Int32Array.Builder().Append(value).Build());

    public ArrowRowWriter Int64(string name, long? value) =>
        Set(name, ArrowTypes.Int64, new Int64Array.Builder().Append(value).Build());

    public ArrowRowWriter Bool(string name, bool? value) =>
        Set(name, ArrowTypes.Bool, value is { } b ? new BooleanArray.Builder().Append(b).Build() : new BooleanArray.Builder().AppendNull().Build());

    /// <summary>Writes milliseconds since the epoch (sub-millisecond digits are dropped).</summary>
    public ArrowRowWriter Timestamp(string name, DateTimeOffset? value)
    {
        var builder = new TimestampArray.Builder((TimestampType)ArrowTypes.TimestampMsUtc);
        if (value is { } v) builder.Append(v.ToUniversalTime());
        else builder.AppendNull();
        return Set(name, ArrowTypes.TimestampMsUtc, builder.Build());
    }

    public ArrowRowWriter DoubleList(string name, IReadOnlyList<double>? values)
    {
        var items = new DoubleArray.Builder();
        if (values is double[] array) items.Append(array.AsSpan());
        else if (values is not null) foreach (double v in values) items.Append(v);
        return SetList(name, ArrowTypes.Float64, values is null, values?.Count ?? 0, items.Build());
    }

    public ArrowRowWriter NullableDoubleList(string name, IReadOnlyList<double?>? values)
    {
        var items = new DoubleArray.Builder();
        if (values is not null) foreach (double? v in values) items.Append(v);
        return SetList(name, ArrowTypes.Float64, values is null, values?.Count ?? 0, items.Build());
    }

    public ArrowRowWriter FloatList(string name, IReadOnlyList<float>? values)
    {
        var items = new FloatArray.Builder();
        if (values is float[] array) items.Append(array.AsSpan());
        else if (values is not null) foreach (float v in values) items.Append(v);
        return SetList(name, ArrowTypes.Float32, values is null, values?.Count ?? 0, items.Build());
    }

    public ArrowRowWriter Int64List(string name, IReadOnlyList<long>? values)
    {
        var items = new Int64Array.Builder();
        if (values is not null) foreach (long v in values) items.Append(v);
        return SetList(name, ArrowTypes.Int64, values is null, values?.Count ?? 0, items.Build());
    }

    public ArrowRowWriter StringList(string name, IReadOnlyList<string>? values)
    {
        var items = new StringArray.Builder();
        if (values is not null) foreach (string v in values) items.Append(v);
        return SetList(name, ArrowTypes.Utf8, values is null, values?.Count ?? 0, items.Build());
    }

    /// <summary>Writes a row-major float32 tensor; a null tensor still stores zeros, as the FixedSizeList layout requires.</summary>
    public ArrowRowWriter Tensor(string name, IReadOnlyList<float>? values)
    {
        var spec = schema[name];
        if (spec.ArrowType is not FixedSizeListType type) throw new InvalidOperationException($"{name} is not a tensor field");
        if (values is not null && values.Count != type.ListSize)
        {
            throw new RecordValidationException(ValidationReason.Malformed, name,
                $"tensor has {values.Count} values, the schema's shape [{string.Join(',', spec.TensorShape ?? [])}] holds {type.ListSize}");
        }

        var items = new FloatArray.Builder().Reserve(type.ListSize);
        if (values is null) for (int i = 0; i < type.ListSize; i++) items.Append(0f);
        else if (values is float[] array) items.Append(array.AsSpan());
        else foreach (float v in values) items.Append(v);
        var validity = new ArrowBuffer.BitmapBuilder(1).Append(values is not null).Build();
        return Set(name, type, new FixedSizeListArray(type, 1, items.Build(), validity, values is null ? 1 : 0, 0));
    }

    /// <summary>The record batch; every schema field must have been written.</summary>
    public RecordBatch Build()
    {
        var arrays = new List<IArrowArray>(schema.Fields.Count);
        foreach (var field in schema.Fields)
        {
            arrays.Add(_columns.TryGetValue(field.Name, out var array)
                ? array
                : throw new InvalidOperationException($"{schema.Id}: column {field.Name} was not written"));
        }

        return new RecordBatch(schema.ArrowSchema, arrays, 1);
    }

    private ArrowRowWriter SetList(string name, IArrowType element, bool isNull, int count, IArrowArray items)
    {
        var type = schema[name].ArrowType as ListType ?? throw new InvalidOperationException($"{name} is not a list field");
        var offsets = new ArrowBuffer.Builder<int>(2).Append(0).Append(count).Build();
        var validity = new ArrowBuffer.BitmapBuilder(1).Append(!isNull).Build();
        if (ArrowTypes.ToText(type.ValueDataType) != ArrowTypes.ToText(element))
        {
            throw new InvalidOperationException($"{name} holds {ArrowTypes.ToText(type.ValueDataType)}, not {ArrowTypes.ToText(element)}");
        }

        return Set(name, type, new ListArray(type, 1, offsets, items, validity, isNull ? 1 : 0, 0));
    }

    private ArrowRowWriter Set(string name, IArrowType type, IArrowArray array)
    {
        var spec = schema[name];
        if (spec.ArrowTypeText != ArrowTypes.ToText(type))
        {
            throw new InvalidOperationException($"{schema.Id}: column {name} is {spec.ArrowTypeText}, written as {ArrowTypes.ToText(type)}");
        }

        _columns[name] = array;
        return this;
    }
}
