namespace StreamProcessor.Cosmology.Halos;

/// <summary>Which background density an overdensity Δ is measured against.</summary>
public enum OverdensityReference
{
    Critical,
    Mean,
}
