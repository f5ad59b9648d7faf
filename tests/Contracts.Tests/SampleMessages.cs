using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Contracts.Tests;

/// <summary>
/// The fixed sample message of every schema: the golden files under schemas/ are these, encoded. Values are chosen to
/// exercise every column, nulls included; the images follow simple closed forms so the file can be regenerated exactly.
/// </summary>
internal static class SampleMessages
{
    private static readonly DateTimeOffset Detected = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    public static ClusterCatalogue Catalogue() => new()
    {
        ClusterId = "mock-desi-000042",
        Survey = "mock-desi",
        RaDeg = 150.1163,
        DecDeg = 2.2058,
        Redshift = 0.2345,
        DetectionTime = Detected,
        TrueLog10M200c = 14.62,
        Members =
        [
            new ClusterMember(150.1201, 2.2011, 0.2371, 612.5, 19.8, 0.31),
            new ClusterMember(150.1002, 2.2199, null, -845.25, 20.4, 0.52),
            new ClusterMember(150.1333, 2.1900, 0.2299, null, null, null),
            new ClusterMember(359.9999, -89.5, -0.001, 99_999.0, -29.5, 0.0),
        ],
    };

    public static SkyMap Map() => new()
    {
        MapId = "mock-desi-000042-xray",
        Survey = "mock-desi",
        FieldKind = SkyMapFieldKind.XraySurfaceBrightness,
        CentreRaDeg = 150.1163,
        CentreDecDeg = 2.2058,
        Redshift = 0.2345,
        PixelScaleArcsec = 4.0,
        Width = 8,
        Height = 6,
        Pixels = [.. Enumerable.Range(0, 48).Select(i => (float)(1e-15 * Math.Exp(-(((i % 8) - 3.5) * ((i % 8) - 3.5) + ((i / 8) - 2.5) * ((i / 8) - 2.5)) / 4.0)) - 1e-17f)],
        Units = "erg s^-1 cm^-2 arcsec^-2",
        ObjectId = "mock-desi-000042",
        TrueValues = [12.31, 0.082, -2.45, 10.62, 0.37, 6.18],
    };

    /// <summary>The sample as schema 1.0 wrote it: no object id, no true values.</summary>
    public static SkyMap MapVersion10() => Map() with { ObjectId = null, TrueValues = null };

    /// <summary>An X-ray and an HI channel of 4 × 4 pixels, joined; the values follow a closed form in the index.</summary>
    public static MapFeatures MapFeatures() => new()
    {
        ObjectId = "mock-desi-000042",
        Survey = "erass4-mhongoose",
        Redshift = 0.0345,
        Status = RecordStatus.Accepted,
        RejectionReason = null,
        Channels = [SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity],
        MissingChannels = [],
        Side = 4,
        PixelKpc = 4.0,
        Log10Pixels = [.. Enumerable.Range(0, 32).Select(i => i < 16 ? 36.25f + (0.125f * (i % 4)) - (0.25f * (i / 4)) : 19.5f + (0.0625f * (i % 16)))],
        LimitsProfile = "erass4-mhongoose",
        FlooredFraction = [0.25, 0.0625],
        Log10Floors = [36.21, 19.477121254719663],
        SourceMapIds = ["mock-desi-000042-xray", "mock-desi-000042-hi"],
        TrueValues = [12.31, 0.082, -2.45, 10.62, 0.37, 6.18],
        Provenance = new MessageProvenance("maps", 5, 4321),
        JoinMs = 1250.5,
        FeaturesMs = 3.5,
        ComputedUtc = Detected.AddSeconds(4),
        CodeVersion = "1.0.0+abc1234",
    };

    /// <summary>A lone X-ray map whose survey profile also expects HI, rejected (too little of the grid covered).</summary>
    public static MapFeatures RejectedMapFeatures() => MapFeatures() with
    {
        Status = RecordStatus.Rejected,
        RejectionReason = "xray-surface-brightness: the map covers 12 % of the 512 kpc model grid; at least 25 % is required",
        Channels = [SkyMapFieldKind.XraySurfaceBrightness],
        MissingChannels = [SkyMapFieldKind.HiColumnDensity],
        Log10Pixels = null,
        FlooredFraction = [0.0],
        Log10Floors = [36.21],
        SourceMapIds = ["mock-desi-000042-xray"],
        TrueValues = null,
    };

    public static StackedProfile Profile() => new()
    {
        ProfileId = "mock-desi-stack-z0.2-0.3",
        Survey = "mock-desi",
        Redshift = 0.25,
        StackedObjects = 128,
        RadiiMpcOverH = [0.05, 0.1, 0.2, 0.4, 0.8],
        XraySurfaceBrightness = [3e-14, 1.2e-14, 4e-15, 9e-16, 1e-16],
        XraySurfaceBrightnessError = [3e-15, 1e-15, 5e-16, 2e-16, 5e-17],
        HiLog10ColumnDensity = [20.1, 19.6, 19.0, 18.2, 17.5],
        HiLog10ColumnDensityErrorDex = null,
        GalaxySurfaceDensityH2PerMpc2 = null,
        GalaxySurfaceDensityErrorH2PerMpc2 = null,
        GasDensityCm3 = [2.1e-2, 8.5e-3, 2.4e-3, 4.1e-4, 0.0],
        GasDensityCm3Error = [2e-3, 9e-4, 3e-4, 6e-5, 1e-5],
        GasTemperatureKev = [3.2, 3.6, 3.1, 2.2, 1.4],
        GasTemperatureKevError = null,
        GasMetallicityZsun = [0.45, 0.38, 0.3, 0.22, 0.15],
        GasMetallicityZsunError = null,
        ComptonY = [4.2e-5, 2.1e-5, 7.5e-6, 1.6e-6, 2.2e-7],
        ComptonYError = [4e-6, 2e-6, 1e-6, 4e-7, 1e-7],
        // Relative CAMELS-zoomGZ28 units: the magnitudes of its xsb profiles (../shared/data/camels-zoomgz28/profiles.csv).
        XraySurfaceBrightnessRelative = [5.2e-4, 2.2e-4, 4.3e-5, 6.5e-6, 4.1e-8],
        XraySurfaceBrightnessRelativeError = [5e-5, 2e-5, 5e-6, 1e-6, 1e-8],
        Log10HaloMass = 14.21,
    };

    /// <summary>The sample as schema 1.0 wrote it: none of the columns 1.1 added.</summary>
    public static StackedProfile ProfileVersion10() => Profile() with
    {
        GasDensityCm3 = null,
        GasDensityCm3Error = null,
        GasTemperatureKev = null,
        GasMetallicityZsun = null,
        ComptonY = null,
        ComptonYError = null,
        XraySurfaceBrightnessRelative = null,
        XraySurfaceBrightnessRelativeError = null,
        Log10HaloMass = null,
    };

    public static PhaseSpaceFeatures Features() => new()
    {
        ClusterId = "mock-desi-000042",
        Survey = "mock-desi",
        Redshift = 0.2345,
        DetectionTime = Detected,
        Status = RecordStatus.Accepted,
        RejectionReason = null,
        MembersKept = 3,
        SigmaLosKmPerS = 731.5,
        Limits = new PhaseSpaceLimits("ho2019", 1.6, 2200.0, null, 3),
        Kde2D = Image(PhaseSpaceFeaturesShapes.Kde2D),
        Kde3D = Image(PhaseSpaceFeaturesShapes.Kde3D),
        MemberVLosKmPerS = [612.5, -845.25, 10.0],
        MemberRProjMpcOverH = [0.31, 0.52, 1.2],
        MemberXMpcOverH = [0.1, -0.5, 1.0],
        MemberYMpcOverH = [0.2935, 0.1375, -0.6633],
        TrueLog10M200c = 14.62,
        Provenance = new MessageProvenance("catalogues", 3, 1234567),
        FeaturesMs = 2.75,
        ComputedUtc = Detected.AddSeconds(2),
        CodeVersion = "1.0.0+abc1234",
    };

    public static PhaseSpaceFeatures RejectedFeatures() => Features() with
    {
        Status = RecordStatus.Rejected,
        RejectionReason = "2 members kept, fewer than 3",
        MembersKept = 2,
        SigmaLosKmPerS = null,
        Kde2D = null,
        Kde3D = null,
        MemberVLosKmPerS = null,
        MemberRProjMpcOverH = null,
        MemberXMpcOverH = null,
        MemberYMpcOverH = null,
    };

    public static Posterior MassPosterior() => new()
    {
        ObjectId = "mock-desi-000042",
        Survey = "mock-desi",
        Redshift = 0.2345,
        DetectionTime = Detected,
        ModelName = "phase-space-cnn",
        ModelVersion = "2025.03.1",
        ModelCardSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ParameterNames = ["log10_m200c"],
        Mean = [14.58],
        Sigma = [0.17],
        Status = RecordStatus.Accepted,
        RejectionReason = null,
        Log10M200c = 14.58,
        SigmaLog10M200c = 0.17,
        BaselineMsigmaLog10M = 14.71,
        BaselineVirialLog10M = 14.9,
        BaselineDistributionLog10M = 14.55,
        TrueLog10M200c = 14.62,
        MembersKept = 3,
        SigmaLosKmPerS = 731.5,
        OutOfDistribution = false,
        OodReason = null,
        CatalogueId = null,
        Provenance = new MessageProvenance("features.phase-space", 7, 998877),
        QueuedMs = 12.5,
        FeaturesMs = null,
        InferenceMs = 3.25,
        PublishedUtc = Detected.AddSeconds(3),
        ParameterUnits = ["log10(h^-1 Msun)"],
        QuantileLevels = [0.16, 0.5, 0.84],
        Quantiles = [14.41, 14.58, 14.75],
    };

    /// <summary>The sample as schema 1.0 wrote it: no units, no quantiles, no distribution-regression baseline.</summary>
    public static Posterior MassPosteriorVersion10() => MassPosteriorVersion11() with { ParameterUnits = null, QuantileLevels = null, Quantiles = null };

    /// <summary>The sample as schema 1.1 wrote it: no distribution-regression baseline.</summary>
    public static Posterior MassPosteriorVersion11() => MassPosterior() with { BaselineDistributionLog10M = null };

    /// <summary>A posteriors.params record of two parameters with units and three quantile levels.</summary>
    public static Posterior ParameterPosterior() => MassPosterior() with
    {
        ObjectId = "mock-desi-stack-z0.2-0.3",
        ModelName = "profile-params-mlp",
        ParameterNames = ["Omega0", "WindEnergyIn1e51erg"],
        ParameterUnits = ["", "dex"],
        Mean = [0.31, 0.55],
        Sigma = [0.04, 0.2],
        QuantileLevels = [0.16, 0.5, 0.84],
        Quantiles = [0.27, 0.31, 0.35, 0.36, 0.55, 0.76],
        Log10M200c = null,
        SigmaLog10M200c = null,
        BaselineMsigmaLog10M = null,
        BaselineVirialLog10M = null,
        BaselineDistributionLog10M = null,
        TrueLog10M200c = null,
        MembersKept = null,
        SigmaLosKmPerS = null,
        Provenance = new MessageProvenance("profiles", 2, 31),
    };

    public static MassFunctionUpdate MassFunction() => new()
    {
        SeriesId = "mock-desi/z0.10-0.30",
        Survey = "mock-desi",
        RedshiftMin = 0.1,
        RedshiftMax = 0.3,
        UpdateSequence = 17,
        UpdatedUtc = Detected.AddMinutes(1),
        NPosteriors = 412,
        CodeVersion = "1.0.0+abc1234",
        Log10MassEdges = [14.0, 14.25, 14.5, 14.75, 15.0],
        Counts = [120.5, 61.0, 22.25, 4.0],
        DnDlog10M = [2.1e-5, 1.1e-5, 4.0e-6, 7.0e-7],
        DnDlog10MError = [2.0e-6, 1.4e-6, 8.0e-7, 3.5e-7],
        TheoryDnDlog10M = [2.0e-5, 1.05e-5, 4.2e-6, 0.0],
        TheoryExpectedCounts = [115.0, 58.2, 23.4, 0.0],
        Ratio = [1.05, 1.047, 0.952, null],
        CompletenessLimitLog10M = 14.0,
        Cosmology = new CosmologyPosterior(0.31, 0.02, 0.80, 0.03, 0.813, 0.025,
            [0.25, 0.30, 0.35], [0.7, 0.8],
            [-12.5, -8.0, -3.25, -0.5, null, -6.75]),
        BaseCosmology = new CosmologyParameters(0.3111, 0.0490, 0.6766, 0.9665, 0.8102),
        TrueCosmology = new CosmologyParameters(0.30, 0.048, 0.70, 0.96, 0.80),
        TransferFunction = "eisenstein-hu-1998",
    };

    /// <summary>A smooth non-negative image: a product of Gaussians in each index, row-major.</summary>
    private static float[] Image(IReadOnlyList<int> shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        var values = new float[size];
        for (int flat = 0; flat < size; flat++)
        {
            double exponent = 0;
            int rest = flat;
            for (int axis = shape.Count - 1; axis >= 0; axis--)
            {
                int index = rest % shape[axis];
                rest /= shape[axis];
                double u = (index - (shape[axis] / 2.0)) / (shape[axis] / 6.0);
                exponent += u * u;
            }

            values[flat] = (float)Math.Exp(-0.5 * exponent);
        }

        return values;
    }
}
