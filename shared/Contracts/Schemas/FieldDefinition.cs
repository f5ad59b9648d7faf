namespace StreamProcessor.Contracts.Schemas;

/// <summary>One field of a schemas/*.json definition (the JSON shape of a <see cref="FieldSpec"/>).</summary>
public sealed record FieldDefinition
{
    public required string Name { get; init; }

    /// <summary>Arrow type in text form, see <see cref="ArrowTypes.ToText"/>.</summary>
    public required string Type { get; init; }

    public required bool Nullable { get; init; }

    /// <summary>Lists only: whether elements may be null.</summary>
    public bool? ItemsNullable { get; init; }

    /// <summary>Tensors only: row-major shape (arrow.fixed_shape_tensor).</summary>
    public int[]? TensorShape { get; init; }

    public string? Unit { get; init; }

    public ValueRange? Range { get; init; }

    public string[]? AllowedValues { get; init; }

    /// <summary>Version that introduced the field.</summary>
    public required string Since { get; init; }

    public required string Description { get; init; }

    /// <summary>
    /// The parts a reader depends on, as one comparable string: name, type, nullability, element nullability,
    /// shape, unit, range and allowed values (not the description, which may be reworded).
    /// </summary>
    public string ContractText() =>
        $"{Name}: {Type} nullable={Nullable} items-nullable={ItemsNullable?.ToString() ?? "-"} " +
        $"shape=[{string.Join(',', TensorShape ?? [])}] unit={Unit ?? "-"} range={Range?.ToString() ?? "-"} " +
        $"allowed=[{string.Join(',', AllowedValues ?? [])}] since={Since}";
}
