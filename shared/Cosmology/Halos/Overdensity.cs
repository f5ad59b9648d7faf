namespace StreamProcessor.Cosmology.Halos;

/// <summary>A spherical-overdensity mass definition: Δ times the critical or the mean matter density.</summary>
public sealed record Overdensity(double Delta, OverdensityReference Reference)
{
    public static Overdensity Critical200 { get; } = new(200, OverdensityReference.Critical);
    public static Overdensity Critical500 { get; } = new(500, OverdensityReference.Critical);
    public static Overdensity Mean200 { get; } = new(200, OverdensityReference.Mean);

    /// <summary>The reference density ρ_ref(z) in h² M☉ Mpc⁻³ (physical): ρ_c(z), or ρ̄_m(z) = Ω_m(z) ρ_c(z).</summary>
    public double ReferenceDensityH2MsunPerMpc3(double redshift, FlatLcdm cosmology)
    {
        double rhoCrit = Background.CriticalDensityH2MsunPerMpc3(redshift, cosmology);
        return Reference == OverdensityReference.Critical ? rhoCrit : rhoCrit * Background.OmegaMAt(redshift, cosmology);
    }

    /// <summary>Δ with respect to the mean matter density at z (Δ_m = Δ_c / Ω_m(z)), as Tinker+08 tabulates it.</summary>
    public double DeltaMean(double redshift, FlatLcdm cosmology) =>
        Reference == OverdensityReference.Mean ? Delta : Delta / Background.OmegaMAt(redshift, cosmology);

    public override string ToString() => $"{Delta:0}{(Reference == OverdensityReference.Critical ? "c" : "m")}";
}
