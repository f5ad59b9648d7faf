namespace StreamProcessor.SubscribeCli;

/// <summary>The field filters a user asked for; <see cref="RecordFilter.Create"/> checks them against the topic's schema.</summary>
/// <param name="Survey">Keep records of this survey (case-insensitive).</param>
/// <param name="Log10MassAbove">Keep records whose log10 M200c (h^-1 Msun) is above this: the posterior mean on posterior
/// topics (log10_m200c), the true mass elsewhere (true_log10_m200c, mocks only).</param>
/// <param name="RedshiftMin">Keep records with redshift ≥ this.</param>
/// <param name="RedshiftMax">Keep records with redshift ≤ this.</param>
public sealed record FilterSettings(string? Survey = null, double? Log10MassAbove = null, double? RedshiftMin = null, double? RedshiftMax = null)
{
    public static FilterSettings None { get; } = new();
}
