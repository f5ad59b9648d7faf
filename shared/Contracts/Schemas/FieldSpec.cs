using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamProcessor.Contracts.Schemas;

/// <summary>
/// One column of a message schema: its Arrow type, nullability, unit and allowed values. The codec validates
/// against it on decode, and schemas/&lt;name&gt;/&lt;version&gt;.json records it (a test keeps the two equal).
/// </summary>
/// <param name="Name">Column name (snake_case, unit suffix where there is a unit).</param>
/// <param name="ArrowType">Arrow type; see <see cref="ArrowTypes"/>.</param>
/// <param name="Nullable">Whether the column may be null (and, for readers, absent).</param>
/// <param name="Description">What the value means.</param>
public sealed record FieldSpec(string Name, IArrowType ArrowType, bool Nullable, string Description)
{
    /// <summary>Arrow field metadata key naming an extension type (Arrow columnar format, "Extension Types").</summary>
    public const string ExtensionNameKey = "ARROW:extension:name";

    /// <summary>Arrow field metadata key of an extension type's parameters.</summary>
    public const string ExtensionMetadataKey = "ARROW:extension:metadata";

    /// <summary>Canonical extension name of a fixed-shape tensor stored as a FixedSizeList.</summary>
    public const string FixedShapeTensorExtension = "arrow.fixed_shape_tensor";

    /// <summary>Unit of the value (of each element for lists), e.g. "deg", "km/s", "log10(h^-1 Msun)"; null when dimensionless or textual.</summary>
    public string? Unit { get; init; }

    /// <summary>Allowed interval of the value (of each element for lists and tensors); null when any finite value is allowed.</summary>
    public ValueRange? Range { get; init; }

    /// <summary>For string fields: the closed set of allowed values; null when free text.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For list fields: whether individual elements may be null (the column's own nullability is <see cref="Nullable"/>).</summary>
    public bool ItemsNullable { get; init; }

    /// <summary>For tensor (FixedSizeList) fields: the row-major shape written as the arrow.fixed_shape_tensor metadata.</summary>
    public IReadOnlyList<int>? TensorShape { get; init; }

    /// <summary>The schema version that introduced the field, "major.minor".</summary>
    public string Since { get; init; } = "1.0";

    /// <summary>The text form of <see cref="ArrowType"/>.</summary>
    public string ArrowTypeText => ArrowTypes.ToText(ArrowType);

    /// <summary>The Arrow field; tensor fields carry the canonical extension metadata.</summary>
    public Field ToArrowField()
    {
        if (TensorShape is null) return new Field(Name, ArrowType, Nullable);
        string shape = string.Join(',', TensorShape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        return new Field(Name, ArrowType, Nullable,
        [
            new KeyValuePair<string, string>(ExtensionNameKey, FixedShapeTensorExtension),
            new KeyValuePair<string, string>(ExtensionMetadataKey, $"{{\"shape\":[{shape}]}}"),
        ]);
    }

    /// <summary>The JSON form of this field.</summary>
    public FieldDefinition ToDefinition() => new()
    {
        Name = Name,
        Type = ArrowTypeText,
        Nullable = Nullable,
        ItemsNullable = ArrowType is ListType ? ItemsNullable : null,
        TensorShape = TensorShape?.ToArray(),
        Unit = Unit,
        Range = Range,
        AllowedValues = AllowedValues?.ToArray(),
        Since = Since,
        Description = Description,
    };
}
