using Apache.Arrow;

namespace StreamProcessor.Contracts.Schemas;

/// <summary>
/// A codec's schema: id, topics, key and columns. Builds the Arrow schema (with the <c>schema</c> and
/// <c>schema-version</c> metadata) and the JSON definition committed under schemas/.
/// </summary>
public sealed class MessageSchema
{
    private readonly Dictionary<string, FieldSpec> _byName;

    public MessageSchema(SchemaId id, IReadOnlyList<string> topics, string keyField, string description, IReadOnlyList<FieldSpec> fields)
    {
        Id = id;
        Topics = topics;
        KeyField = keyField;
        Description = description;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (!_byName.ContainsKey(keyField)) throw new ArgumentException($"key field {keyField} is not a field of {id}", nameof(keyField));
        ArrowSchema = BuildArrowSchema();
    }

    public SchemaId Id { get; }

    public IReadOnlyList<string> Topics { get; }

    public string KeyField { get; }

    public string Description { get; }

    /// <summary>Columns in the order they are written.</summary>
    public IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>Always the Arrow IPC stream media type.</summary>
    public string ContentType => MessageHeaders.ArrowStreamContentType;

    /// <summary>The Arrow schema the codec writes.</summary>
    public Schema ArrowSchema { get; }

    /// <summary>The field called <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> otherwise.</summary>
    public FieldSpec this[string name] =>
        _byName.TryGetValue(name, out var spec) ? spec : throw new KeyNotFoundException($"{Id} has no field {name}");

    /// <summary>A copy with another version and extra fields appended (how a minor version evolves).</summary>
    public MessageSchema WithVersion(SchemaId id, params FieldSpec[] addedFields) =>
        new(id, Topics, KeyField, Description, [.. Fields, .. addedFields]);

    /// <summary>The JSON definition of this version.</summary>
    public SchemaDefinition ToDefinition() => new()
    {
        Name = Id.Name,
        Version = Id.Version,
        Topics = [.. Topics],
        KeyField = KeyField,
        ContentType = ContentType,
        Description = Description,
        Fields = [.. Fields.Select(f => f.ToDefinition())],
    };

    private Schema BuildArrowSchema()
    {
        var builder = new Schema.Builder()
            .Metadata(MessageHeaders.SchemaName, Id.Name)
            .Metadata(MessageHeaders.SchemaVersion, Id.Version);
        foreach (var field in Fields) builder.Field(field.ToArrowField());
        return builder.Build();
    }
}
