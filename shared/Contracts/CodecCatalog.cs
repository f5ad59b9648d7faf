using StreamProcessor.Contracts.Codecs;

namespace StreamProcessor.Contracts;

/// <summary>
/// Every topic's codec: topic → schema → codec. Tools that must decode any topic (subscribe, ingest) look the
/// codec up here; services use the typed codecs directly.
/// </summary>
public sealed class CodecCatalog
{
    private readonly Dictionary<string, CodecEntry> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodecEntry> _bySchema = new(StringComparer.Ordinal);

    public CodecCatalog(CodecLimits? limits = null)
    {
        var resolved = (limits ?? CodecLimits.Default).Validated();
        Limits = resolved;
        Entries =
        [
            CodecEntry.For(new ClusterCatalogueCodec(resolved)),
            CodecEntry.For(new SkyMapCodec(resolved)),
            CodecEntry.For(new StackedProfileCodec(resolved)),
            CodecEntry.For(new PhaseSpaceFeaturesCodec(resolved)),
            CodecEntry.For(new MapFeaturesCodec(resolved)),
            CodecEntry.For(new PosteriorCodec(resolved)),
            CodecEntry.For(new MassFunctionUpdateCodec(resolved)),
        ];
        foreach (var entry in Entries)
        {
            _bySchema.Add(entry.Schema.Name, entry);
            foreach (string topic in entry.Topics) _byTopic.Add(topic, entry);
        }
    }

    /// <summary>A catalogue with <see cref="CodecLimits.Default"/>.</summary>
    public static CodecCatalog Default { get; } = new();

    public CodecLimits Limits { get; }

    /// <summary>One entry per schema.</summary>
    public IReadOnlyList<CodecEntry> Entries { get; }

    /// <summary>Every topic with a schema (dead-letter topics excluded: they hold the original bytes of their source topic).</summary>
    public IEnumerable<string> Topics => _byTopic.Keys;

    public bool TryGetByTopic(string topic, out CodecEntry entry) => _byTopic.TryGetValue(topic, out entry!);

    /// <summary>The codec of <paramref name="topic"/>; a dead-letter topic "T.dlq" maps to the codec of T.</summary>
    /// <exception cref="KeyNotFoundException">No schema is registered for the topic.</exception>
    public CodecEntry ForTopic(string topic)
    {
        const string suffix = ".dlq";
        string source = topic.EndsWith(suffix, StringComparison.Ordinal) ? topic[..^suffix.Length] : topic;
        return _byTopic.TryGetValue(source, out var entry)
            ? entry
            : throw new KeyNotFoundException($"no schema is registered for topic '{topic}'; known: {string.Join(", ", _byTopic.Keys)}");
    }

    /// <summary>The codec of schema <paramref name="schemaName"/> (the "schema" header).</summary>
    /// <exception cref="KeyNotFoundException">No such schema.</exception>
    public CodecEntry ForSchema(string schemaName) =>
        _bySchema.TryGetValue(schemaName, out var entry) ? entry : throw new KeyNotFoundException($"no schema named '{schemaName}'");

    /// <summary>The typed codec of <typeparamref name="T"/>.</summary>
    public IMessageCodec<T> Get<T>() => Entries.Select(e => e.Codec).OfType<IMessageCodec<T>>().SingleOrDefault()
        ?? throw new KeyNotFoundException($"no codec for {typeof(T).Name}");
}
