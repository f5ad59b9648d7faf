namespace StreamProcessor.Maps;

/// <summary>
/// The transform from physical map pixels to what the map models read, shared by the trainer and the map-features
/// service so that training and serving see the same numbers: log10 of the pixel after raising it to a per-field
/// minimum. The minima lie far below any survey floor , so they only
/// keep empty pixels of idealised maps finite; under a survey profile the survey floor is applied first and dominates.
/// </summary>
public static class MapInputScaling
{
    /// <summary>
    /// Smallest X-ray surface brightness kept, erg s^-1 pc^-2, the generator's map unit (erg s^-1 kpc^-2 overflows float32
    /// in cluster cores): 1e24 per pc² ≈ 7e-22 erg s^-1 cm^-2 arcmin^-2 at z ≈ 0, ~1e-6 of the eRASS:4-like floor.
    /// </summary>
    public const double XrayMinimumErgPerSPerPc2 = 1e24;

    /// <summary>Smallest HI column density kept, cm^-2 (a thousandth of the MHONGOOSE-like floor).</summary>
    public const double HiMinimumCm2 = 1e16;

    /// <summary>log10(max(pixel, minimum)) of every pixel of <paramref name="map"/> into <paramref name="destination"/>.</summary>
    public static void Log10Into(ReadOnlySpan<float> map, double minimum, Span<float> destination)
    {
        if (destination.Length != map.Length) throw new ArgumentException($"Destination holds {destination.Length} values, the map {map.Length}.", nameof(destination));
        for (int i = 0; i < map.Length; i++)
        {
            // NaN never reaches here (map-features rejects it), but Math.Max would carry it: treat it as empty.
            double value = float.IsNaN(map[i]) ? minimum : Math.Max(map[i], minimum);
            destination[i] = (float)Math.Log10(value);
        }
    }

    /// <summary>The X-ray transform.</summary>
    public static void XrayInto(ReadOnlySpan<float> map, Span<float> destination) => Log10Into(map, XrayMinimumErgPerSPerPc2, destination);

    /// <summary>The HI transform.</summary>
    public static void HiInto(ReadOnlySpan<float> map, Span<float> destination) => Log10Into(map, HiMinimumCm2, destination);
}
