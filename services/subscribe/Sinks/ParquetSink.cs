using Apache.Arrow.Types;
using Parquet.Schema;
using Parquet.Serialization;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>
/// A Parquet file (Parquet.Net untyped serializer) with one column per schema field; list and tensor fields become
/// Parquet lists. A null element inside a float list is written as NaN: Parquet.Net 6.1.0 drops null list elements on
/// the way through, which would shift the parallel member lists against each other.
/// </summary>
public sealed class ParquetSink(MessageSchema schema, string path) : IRecordSink
{
    private readonly List<IDictionary<string, object?>> _rows = [];
    private readonly IReadOnlyList<(FieldSpec Spec, Func<object?, object?> Convert)> _columns = [.. schema.Fields.Select(f => (f, Converter(f.ArrowType)))];

    public Task WriteAsync(IReadOnlyDictionary<string, object?> row, object message, CancellationToken cancellationToken)
    {
        var converted = new Dictionary<string, object?>(_columns.Count, StringComparer.Ordinal);
        foreach (var (spec, convert) in _columns) converted[spec.Name] = convert(row.GetValueOrDefault(spec.Name));
        _rows.Add(converted);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var parquetSchema = new ParquetSchema([.. _columns.Select(c => FieldOf(c.Spec))]);
        await using var stream = File.Create(path);
        await ParquetSerializer.SerializeUntypedAsync(_rows, parquetSchema, stream, cancellationToken: cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Field FieldOf(FieldSpec spec) => spec.ArrowType switch
    {
        StringType => new DataField<string>(spec.Name, true),
        DoubleType => new DataField<double?>(spec.Name),
        FloatType => new DataField<float?>(spec.Name),
        Int32Type => new DataField<int?>(spec.Name),
        Int64Type => new DataField<long?>(spec.Name),
        BooleanType => new DataField<bool?>(spec.Name),
        TimestampType => new DataField<DateTime?>(spec.Name),
        ListType list => new ListField(spec.Name, ElementField(list.ValueDataType)),
        FixedSizeListType list => new ListField(spec.Name, ElementField(list.ValueDataType)),
        var other => throw new NotSupportedException($"{spec.Name}: Arrow type {other.Name} has no Parquet mapping here"),
    };

    private static DataField ElementField(IArrowType type) => type switch
    {
        DoubleType => new DataField<double>("element"),
        FloatType => new DataField<float>("element"),
        Int64Type => new DataField<long>("element"),
        Int32Type => new DataField<int>("element"),
        StringType => new DataField<string>("element", true),
        var other => throw new NotSupportedException($"list of Arrow type {other.Name} has no Parquet mapping here"),
    };

    private static Func<object?, object?> Converter(IArrowType type) => type switch
    {
        TimestampType => value => value is DateTimeOffset t ? t.UtcDateTime : null,
        ListType { ValueDataType: DoubleType } or FixedSizeListType { ValueDataType: DoubleType } =>
            value => (value as object?[])?.Select(e => e is double d ? d : double.NaN).ToList(),
        ListType { ValueDataType: FloatType } or FixedSizeListType { ValueDataType: FloatType } =>
            value => (value as object?[])?.Select(e => e is float f ? f : float.NaN).ToList(),
        ListType { ValueDataType: Int64Type } => value => (value as object?[])?.Select(e => (long)e!).ToList(),
        ListType { ValueDataType: Int32Type } => value => (value as object?[])?.Select(e => (int)e!).ToList(),
        // Parquet.Net 6.1.0 stripes string list elements as ReadOnlyMemory<char>? and refuses a List<string>
        // (aloneguid/parquet-dotnet#741); plain string columns take strings.
        ListType { ValueDataType: StringType } => value => (value as object?[])?.Select(e => e is string s ? s.AsMemory() : (ReadOnlyMemory<char>?)null).ToList(),
        _ => value => value,
    };
}
