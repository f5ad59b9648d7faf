using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamProcessor.Contracts.Schemas;

/// <summary>
/// The content of one schemas/&lt;name&gt;/&lt;major.minor&gt;.json file: the versioned, reviewable definition of a topic's messages.
/// </summary>
public sealed record SchemaDefinition
{
    public required string Name { get; init; }

    /// <summary>"major.minor".</summary>
    public required string Version { get; init; }

    /// <summary>Topics whose messages follow this schema.</summary>
    public required string[] Topics { get; init; }

    /// <summary>Column whose value is the Kafka key (the object id).</summary>
    public required string KeyField { get; init; }

    /// <summary>Kafka content-type header value.</summary>
    public required string ContentType { get; init; }

    public required string Description { get; init; }

    public required FieldDefinition[] Fields { get; init; }

    /// <summary>Name and version as a <see cref="SchemaId"/>; throws <see cref="FormatException"/> for a bad version.</summary>
    public SchemaId Id => SchemaId.TryParse(Name, Version) ?? throw new FormatException($"schema {Name}: version '{Version}' is not major.minor");

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Indented JSON, camelCase, nulls left out, ending with a newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>Parses a definition; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static SchemaDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<SchemaDefinition>(json, JsonOptions) ?? throw new JsonException("empty schema definition");
}
