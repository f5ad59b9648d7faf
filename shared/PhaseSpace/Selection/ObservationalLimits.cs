namespace StreamProcessor.PhaseSpace.Selection;

/// <summary>
/// Observational limits that decide which galaxies enter a cluster's phase-space image (reference sheet §4;
/// Ho et al. 2019, arXiv:1902.05950: cylinder R_proj &lt; 1.6 h^-1 Mpc, |v_los| &lt; 2200 km/s, keep clusters with
/// N_gal &gt; 10). All are settings, not facts.
/// </summary>
public sealed record ObservationalLimits
{
    /// <summary>Ho et al. (2019) cylinder, no magnitude limit, at least 11 members.</summary>
    public static ObservationalLimits Default { get; } = new();

    /// <summary>Keep R_proj strictly below this, in h^-1 Mpc.</summary>
    public double ApertureRadiusMpcOverH { get; init; } = 1.6;

    /// <summary>Keep |v_los| strictly below this, in km/s.</summary>
    public double VelocityCutKmPerS { get; init; } = 2200.0;

    /// <summary>When set, keep galaxies with apparent magnitude at or brighter than (numerically &lt;=) this; NaN magnitudes (non-detections) fail.</summary>
    public double? MagnitudeLimit { get; init; }

    /// <summary>Reject the cluster when fewer members remain (Ho et al. 2019 keep N_gal &gt; 10, so 11).</summary>
    public int MinimumMembers { get; init; } = 11;

    /// <summary>
    /// Applies the limits to one cluster's galaxies. <paramref name="apparentMagnitudes"/> may be empty when
    /// <see cref="MagnitudeLimit"/> is null; otherwise it must match the other spans.
    /// </summary>
    public MemberSelection Apply(
        ReadOnlySpan<double> projectedRadiiMpcOverH, ReadOnlySpan<double> velocitiesKmPerS, ReadOnlySpan<double> apparentMagnitudes = default)
    {
        Validated();
        int count = projectedRadiiMpcOverH.Length;
        if (velocitiesKmPerS.Length != count) throw new ArgumentException("Velocities must match the radii in length.", nameof(velocitiesKmPerS));
        if (MagnitudeLimit is not null && apparentMagnitudes.Length != count)
        {
            throw new ArgumentException("A magnitude limit needs one apparent magnitude per galaxy.", nameof(apparentMagnitudes));
        }

        var applied = new List<string>(4)
        {
            $"R_proj < {ApertureRadiusMpcOverH:G6} h^-1 Mpc",
            $"|v_los| < {VelocityCutKmPerS:G6} km/s",
        };
        if (MagnitudeLimit is { } limit) applied.Add($"m <= {limit:G6}");
        applied.Add($"N_members >= {MinimumMembers}");

        // Each removed galaxy is charged to the first limit it fails, in the order listed, so the counts add up.
        int outsideAperture = 0, outsideVelocityCut = 0, noMagnitude = 0, tooFaint = 0;
        var kept = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            // Written so that NaN fails every test.
            if (!(projectedRadiiMpcOverH[i] < ApertureRadiusMpcOverH)) outsideAperture++;
            else if (!(Math.Abs(velocitiesKmPerS[i]) < VelocityCutKmPerS)) outsideVelocityCut++;
            else if (MagnitudeLimit is { } m && double.IsNaN(apparentMagnitudes[i])) noMagnitude++;
            else if (MagnitudeLimit is { } faint && !(apparentMagnitudes[i] <= faint)) tooFaint++;
            else kept.Add(i);
        }

        string? rejection = null;
        if (kept.Count < MinimumMembers)
        {
            string magnitude = MagnitudeLimit is { } limitValue
                ? $", {tooFaint} fainter than m = {limitValue:G6}, {noMagnitude} without a magnitude"
                : string.Empty;
            rejection = $"{kept.Count} of {count} galaxies pass the limits ({outsideAperture} outside R_proj < {ApertureRadiusMpcOverH:G6} h^-1 Mpc, " +
                        $"{outsideVelocityCut} outside |v_los| < {VelocityCutKmPerS:G6} km/s{magnitude}); at least {MinimumMembers} members are required.";
        }

        return new MemberSelection(kept, applied, rejection);
    }

    /// <summary>Throws when a limit is not a usable number.</summary>
    public ObservationalLimits Validated()
    {
        if (!(ApertureRadiusMpcOverH > 0 && double.IsFinite(ApertureRadiusMpcOverH))) throw new ArgumentOutOfRangeException(nameof(ApertureRadiusMpcOverH), ApertureRadiusMpcOverH, "Aperture must be positive and finite.");
        if (!(VelocityCutKmPerS > 0 && double.IsFinite(VelocityCutKmPerS))) throw new ArgumentOutOfRangeException(nameof(VelocityCutKmPerS), VelocityCutKmPerS, "Velocity cut must be positive and finite.");
        if (MagnitudeLimit is { } m && !double.IsFinite(m)) throw new ArgumentOutOfRangeException(nameof(MagnitudeLimit), m, "Magnitude limit must be finite.");
        if (MinimumMembers < 1) throw new ArgumentOutOfRangeException(nameof(MinimumMembers), MinimumMembers, "At least one member must be required.");
        return this;
    }
}
