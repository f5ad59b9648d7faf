using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamProcessor.Contracts.Schemas;

/// <summary>
/// The Arrow types the contracts use, and their text form (pyarrow's spelling) used in schemas/*.json.
/// No unions and no dictionaries, so that pyarrow and Arrow JS read every topic without extra handling.
/// </summary>
public static class ArrowTypes
{
    public static IArrowType Utf8 { get; } = StringType.Default;
    public static IArrowType Float64 { get; } = DoubleType.Default;
    public static IArrowType Float32 { get; } = FloatType.Default;
    public static IArrowType Int32 { get; } = Int32Type.Default;
    public static IArrowType Int64 { get; } = Int64Type.Default;
    public static IArrowType Bool { get; } = BooleanType.Default;

    /// <summary>Milliseconds since the Unix epoch, zone "UTC".</summary>
    public static IArrowType TimestampMsUtc { get; } = new TimestampType(TimeUnit.Millisecond, "UTC");

    /// <summary>A variable-length list whose element field is "item" (nullable, as pyarrow writes it).</summary>
    public static IArrowType ListOf(IArrowType element) => new ListType(new Field("item", element, nullable: true));

    /// <summary>Storage of an <c>arrow.fixed_shape_tensor</c> of float32 with the given row-major shape.</summary>
    public static IArrowType Float32Tensor(IReadOnlyList<int> shape) =>
        new FixedSizeListType(new Field("item", FloatType.Default, nullable: true), shape.Aggregate(1, (a, b) => checked(a * b)));

    /// <summary>Text form: "utf8", "float64", "list&lt;float64&gt;", "fixed_size_list&lt;float32&gt;[2304]", "timestamp[ms, tz=UTC]".</summary>
    public static string ToText(IArrowType type) => type switch
    {
        StringType => "utf8",
        DoubleType => "float64",
        FloatType => "float32",
        Int32Type => "int32",
        Int64Type => "int64",
        BooleanType => "bool",
        TimestampType t => $"timestamp[{UnitText(t.Unit)}, tz={t.Timezone ?? "none"}]",
        ListType l => $"list<{ToText(l.ValueDataType)}>",
        FixedSizeListType f => $"fixed_size_list<{ToText(f.ValueDataType)}>[{f.ListSize}]",
        ExtensionType e => $"extension<{e.Name}>",
        _ => type.Name,
    };

    private static string UnitText(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => "s",
        TimeUnit.Millisecond => "ms",
        TimeUnit.Microsecond => "us",
        TimeUnit.Nanosecond => "ns",
        _ => unit.ToString(),
    };
}
