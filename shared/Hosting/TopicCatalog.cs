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

    public static IReadOnlyList<TopicSpec> All { get; } =
    [
        new(Topics.Catalogues, 12, Week),
        new(Topics.Maps, 12, Week),
        new(Topics.Profiles, 6, Week),
        new(Topics.PhaseSpaceFeatures, 12, Week),
        new(Topics.MassPosteriors, 12, Month),
        new(Topics.MassFunction, 4, Month),
        new(Topics.DeadLetter(Topics.Catalogues), 4, Month),
        new(Topics.DeadLetter(Topics.Maps), 4, Month),
        new(Topics.DeadLetter(Topics.Profiles), 4, Month),
        new(Topics.DeadLetter(Topics.PhaseSpaceFeatures), 4, Month),
        new(Topics.DeadLetter(Topics.MassPosteriors), 4, Month),
    ];
}
