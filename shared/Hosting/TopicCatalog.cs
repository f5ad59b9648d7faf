using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Kafka;

namespace StreamProcessor.Hosting;

/// <summary>
/// Every topic of the system with its partition count and retention. Partitions are the unit of scaling (one
/// replica per partition at most) and, on the embedded broker, spread data under its ~5 MiB-per-partition limit.
/// </summary>
public static class TopicCatalog
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    /// <summary>The compression producers use for <paramref name="topic"/> (none for topics not listed).</summary>
    public static CompressionType CompressionFor(string topic) =>
        All.FirstOrDefault(t => t.Name == topic)?.Compression ?? CompressionType.None;

    public static IReadOnlyList<TopicSpec> All { get; } =
    [
        new(Topics.Catalogues, 12, Week),
        new(Topics.Maps, 12, Week),
        new(Topics.Profiles, 6, Week),
        // Internal and large (KDE images, member lists): lz4 also stretches the embedded broker's ~5 MiB per partition.
        new(Topics.PhaseSpaceFeatures, 12, Week, CompressionType.Lz4),
        // Sky maps joined into 128 x 128 log10 channels (about 64 KiB per channel): lz4 as features.phase-space.
        new(Topics.MapFeatures, 12, Week, CompressionType.Lz4),
        // Compacted: the newest posterior of every cluster stays, so the massfunction service can rebuild its state
        // from this topic however old the survey is (a time retention would silently drop its oldest clusters).
        new(Topics.MassPosteriors, 12, Compacted: true),
        // Compacted like posteriors.mass: keyed by profile id, the newest posterior of every stack stays (a re-run of
        // a stack overwrites its posterior). As many partitions as its input, profiles.
        new(Topics.ParameterPosteriors, 6, Compacted: true),
        // Compacted like posteriors.mass: keyed by object id, a re-run of an object's maps overwrites its posterior.
        new(Topics.CgmPosteriors, 12, Compacted: true),
        new(Topics.MassFunction, 4, Month),
        new(Topics.DeadLetter(Topics.Catalogues), 4, Month),
        new(Topics.DeadLetter(Topics.Maps), 4, Month),
        new(Topics.DeadLetter(Topics.Profiles), 4, Month),
        new(Topics.DeadLetter(Topics.PhaseSpaceFeatures), 4, Month),
        new(Topics.DeadLetter(Topics.MassPosteriors), 4, Month),
        new(Topics.DeadLetter(Topics.MapFeatures), 4, Month),
    ];
}
