using StreamProcessor.Kafka;

namespace StreamProcessor.SubscribeCli;

/// <summary>One `subscribe` run.</summary>
/// <param name="Topic">Any topic with a schema, or its dead-letter topic "T.dlq".</param>
/// <param name="Kafka">Connection settings.</param>
/// <param name="From">Where to start.</param>
/// <param name="Until">Last record timestamp to read (inclusive); null for no limit.</param>
/// <param name="Max">Stop after this many matching records; null for no limit.</param>
/// <param name="IdleTimeout">Stop when no record arrives for this long.</param>
/// <param name="Filter">Field filters.</param>
/// <param name="Format">Output format.</param>
/// <param name="OutPath">Output file; null writes table or CSV to standard output.</param>
/// <param name="Columns">Columns of a table or CSV ("a,b,c"); null for the table's headline columns and every CSV column.</param>
public sealed record SubscribeSettings(
    string Topic,
    KafkaOptions Kafka,
    StartPosition From,
    DateTimeOffset? Until,
    long? Max,
    TimeSpan IdleTimeout,
    FilterSettings Filter,
    OutputFormat Format,
    string? OutPath,
    string? Columns = null);
