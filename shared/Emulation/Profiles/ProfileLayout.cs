namespace StreamProcessor.Emulation.Profiles;

/// <summary>
/// Which numbers of a stacked profile a model reads, in order: for each kind in <see cref="Kinds"/>, log10 of the
/// profile at every radius of <see cref="RadiiMpcOverH"/> (kind-major), then log10 of the stack's halo mass when
/// <see cref="IncludeLog10HaloMass"/>, then log10 of the number of stacked objects when
/// <see cref="IncludeLog10StackedObjects"/> (a stack-size-aware model: one halo scatters, a stack of hundreds does not). Stored in a model bundle as <see cref="FileName"/> so the trainer and the
/// inference service build the same vector.
/// </summary>
/// <param name="Kinds">Profile kinds, in feature order.</param>
/// <param name="RadiiMpcOverH">Radial bin centres the model expects, h^-1 Mpc (comoving = physical at z = 0).</param>
/// <param name="IncludeLog10HaloMass">Whether log10 M_halo (h^-1 M_sun) follows the profile values.</param>
/// <param name="IncludeLog10StackedObjects">Whether log10 of the stack's object count is the last feature (absent in
/// layouts written before it existed: false).</param>
public sealed record ProfileLayout(
    IReadOnlyList<ProfileKind> Kinds, IReadOnlyList<double> RadiiMpcOverH, bool IncludeLog10HaloMass, bool IncludeLog10StackedObjects = false)
{
    /// <summary>File name inside a model bundle folder.</summary>
    public const string FileName = "profile-layout.json";

    /// <summary>Name of the stack-size feature (log10 of the stacked object count).</summary>
    public const string StackedObjectsFeature = "log10_stacked_objects";

    /// <summary>Relative tolerance when an incoming profile's radii are matched to <see cref="RadiiMpcOverH"/>.</summary>
    public const double RadiusTolerance = 0.02;

    /// <summary>Number of input features.</summary>
    public int FeatureCount => ProfileValueCount + (IncludeLog10HaloMass ? 1 : 0) + (IncludeLog10StackedObjects ? 1 : 0);

    /// <summary>Number of profile values, the leading features (noise applies to these, never to mass or stack size).</summary>
    public int ProfileValueCount => Kinds.Count * RadiiMpcOverH.Count;

    /// <summary>
    /// Smallest value taken before log10, per kind: a few CAMELS n_gas bins are exactly 0 (no gas particle in the
    /// shell), so every kind is floored well below its smallest positive value in the training data.
    /// </summary>
    public static double Floor(ProfileKind kind) => kind switch
    {
        ProfileKind.GasDensity => 1e-9,
        ProfileKind.GasTemperature => 1e-5,
        ProfileKind.GasMetallicity => 1e-5,
        ProfileKind.XraySurfaceBrightness => 1e-25,
        ProfileKind.ComptonY => 1e-14,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>log10 of <paramref name="value"/> floored at <see cref="Floor"/> of <paramref name="kind"/>.</summary>
    public static double Log10Floored(ProfileKind kind, double value) => Math.Log10(Math.Max(value, Floor(kind)));

    /// <summary>Short name of a kind used in feature names, e.g. "n_gas".</summary>
    public static string ShortName(ProfileKind kind) => kind switch
    {
        ProfileKind.GasDensity => "n_gas",
        ProfileKind.GasTemperature => "T_gas",
        ProfileKind.GasMetallicity => "Z_gas",
        ProfileKind.XraySurfaceBrightness => "xsb",
        ProfileKind.ComptonY => "y",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind whose <see cref="ShortName"/> is <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No kind has that name.</exception>
    public static ProfileKind KindFromShortName(string name) =>
        Enum.GetValues<ProfileKind>().FirstOrDefault(k => ShortName(k) == name, (ProfileKind)(-1)) is var kind && Enum.IsDefined(kind)
            ? kind
            : throw new ArgumentException($"Unknown profile kind '{name}'; known: {string.Join(", ", Enum.GetValues<ProfileKind>().Select(ShortName))}.", nameof(name));

    /// <summary>One name per feature, e.g. "log10_n_gas@0.0075", in feature order.</summary>
    public IReadOnlyList<string> FeatureNames()
    {
        var names = new List<string>(FeatureCount);
        foreach (var kind in Kinds)
        {
            names.AddRange(RadiiMpcOverH.Select(r => $"log10_{ShortName(kind)}@{r:G3}"));
        }

        if (IncludeLog10HaloMass)
        {
            names.Add("log10_m_halo");
        }

        if (IncludeLog10StackedObjects)
        {
            names.Add(StackedObjectsFeature);
        }

        return names;
    }

    /// <summary>Throws when the layout is empty, has repeated kinds, or radii that are not positive and increasing.</summary>
    public ProfileLayout Validated()
    {
        if (Kinds is not { Count: > 0 } || Kinds.Distinct().Count() != Kinds.Count)
        {
            throw new ArgumentException("A profile layout needs at least one kind and no kind twice.", nameof(Kinds));
        }

        if (RadiiMpcOverH is not { Count: > 0 } || RadiiMpcOverH[0] <= 0 || RadiiMpcOverH.Zip(RadiiMpcOverH.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Layout radii must be positive and strictly increasing.", nameof(RadiiMpcOverH));
        }

        return this;
    }
}
