using System.Globalization;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Ingestion.Catalogues;

/// <summary>
/// Catalogues whose survey profile has a magnitude limit but whose members have no magnitudes: phase-space drops a
/// member it cannot show to pass the limit, so such a catalogue would come back rejected. Said at ingest, per survey.
/// </summary>
public static class MissingMagnitudeWarning
{
    /// <summary>One line per survey with a limit and members without a magnitude; empty when there is nothing to say.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<ClusterCatalogue> catalogues, MagnitudeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        ArgumentNullException.ThrowIfNull(limits);
        var lines = new List<string>();
        foreach (var survey in catalogues.GroupBy(c => c.Survey, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (limits.For(survey.Key) is not { } limit) continue;
            int members = survey.Sum(c => c.Members.Count);
            int missing = survey.Sum(c => c.Members.Count(m => m.Magnitude is not { } value || double.IsNaN(value)));
            int affected = survey.Count(c => c.Members.Any(m => m.Magnitude is not { } value || double.IsNaN(value)));
            if (missing == 0) continue;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"warning: survey '{survey.Key}' has a magnitude limit m <= {limit:G6} in {limits.Source}, and {missing} of its {members} members " +
                $"({affected} of {survey.Count()} catalogues) have no magnitude: phase-space will drop them (a member without a magnitude cannot be shown to pass the limit)."));
        }

        return lines;
    }
}
