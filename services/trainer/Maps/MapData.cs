using StreamProcessor.Contracts.Messages;
using StreamProcessor.Maps;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// Generated haloes turned into training samples exactly as map-features turns survey maps into features: the survey
/// profile's floors, then <see cref="MapInputScaling"/>, channels in the record's order. Three projections per halo, all
/// in the halo's group so splits never separate them. Alongside: each sample's soft-band luminosity measured on its
/// (floored) X-ray map within a projected aperture, for the M–L_X baseline.
/// </summary>
internal sealed record MapData(SampleDataset Samples, double[] Log10ApertureLuminosity, double[] Log10HaloMass)
{
    /// <summary>Projected aperture of the map-measured luminosity, kpc (half the 512 kpc map).</summary>
    public const double ApertureKpc = 250.0;

    public static readonly IReadOnlyDictionary<string, GalaxyFormationModel> Families = new Dictionary<string, GalaxyFormationModel>
    {
        ["tng-like"] = GalaxyFormationModel.TngLike,
        ["simba-like"] = GalaxyFormationModel.SimbaLike,
    };

    public static readonly IReadOnlyDictionary<string, SurveyLimits> LimitProfiles = new Dictionary<string, SurveyLimits>
    {
        ["idealised"] = SurveyLimits.Idealised,
        ["erass4-mhongoose"] = SurveyLimits.Erass4Mhongoose,
    };

    public static readonly IReadOnlyDictionary<string, SkyMapFieldKind> FieldKinds = new Dictionary<string, SkyMapFieldKind>
    {
        ["xray"] = SkyMapFieldKind.XraySurfaceBrightness,
        ["hi"] = SkyMapFieldKind.HiColumnDensity,
    };

    public static MapSettings Settings(MapTrainingRecord record) =>
        MapSettings.Cgm with { MassRange = new HaloMassRange(record.Log10MassMin, record.Log10MassMax) };

    /// <summary>
    /// Samples of haloes <paramref name="haloIndices"/> of <paramref name="record"/>'s run, rendered with
    /// <paramref name="family"/> and <paramref name="limits"/> (default: the record's).
    /// </summary>
    public static MapData Build(MapTrainingRecord record, IReadOnlyList<int> haloIndices, string? family = null, string? limits = null, Action<string>? log = null)
    {
        var settings = Settings(record);
        var model = Families[family ?? record.Family];
        var survey = LimitProfiles[limits ?? record.Limits];
        var kinds = record.Fields.Select(f => FieldKinds[f]).ToArray();
        int pixels = settings.Pixels * settings.Pixels;
        int perSample = kinds.Length * pixels;
        int samples = haloIndices.Count * MapGenerator.ProjectionsPerHalo;
        var names = record.MassOnly ? MapParameters.MassOnly : MapParameters.Cgm;
        var inputs = new float[(long)samples * perSample];
        var targets = new float[samples * names.Count];
        var groups = new long[samples];
        var luminosity = new double[samples];
        var mass = new double[samples];
        var aperture = ApertureMask(settings);
        const int Chunk = 256;
        for (int start = 0; start < haloIndices.Count; start += Chunk)
        {
            int count = Math.Min(Chunk, haloIndices.Count - start);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                int h = start + k;
                var halo = MapGenerator.GenerateOne(settings, model, record.GeneratorSeed, haloIndices[h]);
                double[] truth = halo.Targets.ToArray();
                foreach (var projection in halo.Projections)
                {
                    int s = (h * MapGenerator.ProjectionsPerHalo) + projection.Axis;
                    var xray = survey.ApplyToXray(projection.Xray);
                    for (int c = 0; c < kinds.Length; c++)
                    {
                        var destination = inputs.AsSpan((int)(((long)s * perSample) + (c * pixels)), pixels);
                        if (kinds[c] == SkyMapFieldKind.XraySurfaceBrightness) MapInputScaling.XrayInto(xray, destination);
                        else MapInputScaling.HiInto(survey.ApplyToHi(projection.Hi), destination);
                    }

                    for (int p = 0; p < names.Count; p++) targets[(s * names.Count) + p] = (float)truth[p];
                    groups[s] = haloIndices[h];
                    luminosity[s] = Math.Log10(ApertureLuminosity(xray, aperture, settings.PixelAreaKpc2 * 1e6, survey.XrayFloorErgPerSPerPc2));
                    mass[s] = truth[0];
                }
            });
            log?.Invoke($"  rendered {start + count}/{haloIndices.Count} haloes ({model.Name}, {survey.Name}, {record.FieldLabel})");
        }

        return new MapData(new SampleDataset(inputs, targets, groups, perSample, [.. names.Select(n => n.Name)]), luminosity, mass);
    }

    /// <summary>
    /// Soft-band luminosity within the aperture from the pixels above the survey floor (what a survey measures), erg/s;
    /// at least one floor pixel's worth so its log is finite when nothing is detected.
    /// </summary>
    private static double ApertureLuminosity(float[] xray, bool[] aperture, double pixelAreaPc2, double floor)
    {
        double sum = 0;
        for (int i = 0; i < xray.Length; i++)
        {
            if (aperture[i] && xray[i] > floor) sum += xray[i];
        }

        return Math.Max(sum, Math.Max(floor, MapInputScaling.XrayMinimumErgPerSPerPc2)) * pixelAreaPc2;
    }

    private static bool[] ApertureMask(MapSettings settings)
    {
        int n = settings.Pixels;
        var mask = new bool[n * n];
        double centre = (n - 1) / 2.0;
        for (int row = 0; row < n; row++)
        {
            for (int column = 0; column < n; column++)
            {
                double dx = (column - centre) * settings.PixelSizeKpc, dy = (row - centre) * settings.PixelSizeKpc;
                mask[(row * n) + column] = (dx * dx) + (dy * dy) <= ApertureKpc * ApertureKpc;
            }
        }

        return mask;
    }
}
