using Apache.Arrow.Ipc;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics;
using StreamProcessor.Maps;

namespace StreamProcessor.Ingestion.Demo;

/// <summary>
/// Demo sky maps as a survey would publish them (schema sky-map 1.1), for `pipeline maps`, `bench maps` and tests: haloes
/// of the physical map generator (<see cref="MapGenerator.GenerateOne"/>, one projection each) observed at
/// <see cref="DemoMapsOptions.Redshift"/>: the 4 kpc pixels as an angular scale through the angular-diameter distance
/// of Planck 2018 (the cosmology map-features converts back with), X-ray as observed surface brightness in
/// erg s^-1 cm^-2 arcmin^-2 (<see cref="SurveyLimits.SurfaceBrightnessFromLuminosityDensity"/>, Tolman-dimmed), HI in
/// cm^-2. The X-ray and HI maps of an object are separate messages sharing its object id and carrying its true CGM
/// targets; a fraction of objects send their X-ray map only (their HI never comes: the join publishes them partial),
/// and a few malformed maps (NaN pixels, a wrong size, unknown units) belong in maps.dlq. Deterministic in (seed, index).
/// </summary>
public static class DemoMaps
{
    /// <summary>Units of the published X-ray maps (map-features: MapUnits.XrayPerArcmin2).</summary>
    public const string XrayUnits = "erg s^-1 cm^-2 arcmin^-2";

    /// <summary>Units of the published HI maps.</summary>
    public const string HiUnits = "cm^-2";

    private const double ArcsecPerRadian = 180.0 * 3600.0 / Math.PI;

    /// <summary>The malformed kinds, cycled through; each names the dlq-reason map-features gives it.</summary>
    private static readonly string[] Defects = ["non-finite", "malformed", "unknown-units"];

    /// <summary>Generates the demo maps of <paramref name="options"/>.</summary>
    public static DemoMapSet Generate(DemoMapsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var settings = MapSettings.Cgm;
        double pixelArcsec = PixelScaleArcsec(settings.PixelSizeKpc, options.Redshift, settings.Cosmology);
        var objects = new DemoMapObject[options.Objects];
        Parallel.For(0, options.Objects, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            var halo = MapGenerator.GenerateOne(settings, GalaxyFormationModel.TngLike, options.Seed, i);
            var random = SeededRandom.ForStream(options.Seed ^ 0x5EED_0F_5C7_AA95UL, (ulong)i);
            var projection = halo.Projections[i % MapGenerator.ProjectionsPerHalo];
            string objectId = $"{options.Survey}-obj-{i:D6}";
            double[] truth = halo.Targets.ToArray();
            var xray = Map(objectId, SkyMapFieldKind.XraySurfaceBrightness, XrayPixels(projection.Xray, options.Redshift), XrayUnits);
            var hi = Map(objectId, SkyMapFieldKind.HiColumnDensity, [.. projection.Hi], HiUnits);
            objects[i] = new DemoMapObject(objectId, truth, xray, IsLoneXray(i, options.LoneXrayFraction) ? null : hi);

            SkyMap Map(string id, SkyMapFieldKind kind, float[] pixels, string units) => new()
            {
                MapId = $"{id}-{(kind == SkyMapFieldKind.XraySurfaceBrightness ? "xray" : "hi")}",
                ObjectId = id,
                Survey = options.Survey,
                FieldKind = kind,
                CentreRaDeg = 360.0 * random.NextDouble(),
                CentreDecDeg = (Math.Asin((2 * random.NextDouble()) - 1) * 180.0 / Math.PI),
                Redshift = options.Redshift,
                PixelScaleArcsec = pixelArcsec,
                Width = settings.Pixels,
                Height = settings.Pixels,
                Pixels = pixels,
                Units = units,
                TrueValues = truth,
            };
        });

        var malformed = new List<DemoMalformedMap>();
        if (objects.Length > 0)
        {
            var codec = new SkyMapCodec();
            var template = objects[0].Xray;
            for (int k = 0; k < options.Malformed; k++)
            {
                string defect = Defects[k % Defects.Length];
                string id = $"{options.Survey}-bad-{k:D3}-{defect}";
                var map = template with { MapId = $"{id}-xray", ObjectId = id, TrueValues = null };
                var bad = defect switch
                {
                    "non-finite" => map with { Pixels = [.. template.Pixels.Select((p, j) => j == template.Pixels.Count / 2 ? float.NaN : p)] },
                    "malformed" => map with { Width = map.Width - 1 },
                    _ => map with { Units = "counts s^-1 pixel^-1" },
                };
                malformed.Add(new DemoMalformedMap(id, Unchecked(codec, bad), defect));
            }
        }

        return new DemoMapSet(objects, malformed);
    }

    /// <summary>Angular side of a <paramref name="pixelKpc"/> (proper) pixel seen at <paramref name="redshift"/>, arcsec: θ = ℓ / D_A (Hogg 1999, Eq. 18, arXiv:astro-ph/9905116).</summary>
    public static double PixelScaleArcsec(double pixelKpc, double redshift, FlatLcdm cosmology)
    {
        double distanceKpc = Background.AngularDiameterDistanceMpcOverH(redshift, cosmology) / cosmology.LittleH * 1000.0;
        return pixelKpc / distanceKpc * ArcsecPerRadian;
    }

    /// <summary>Σ_L in erg s^-1 pc^-2 (the generator's unit) as observed S_X in erg s^-1 cm^-2 arcmin^-2 at <paramref name="redshift"/>.</summary>
    public static float[] XrayPixels(ReadOnlySpan<float> luminosityPerPc2, double redshift)
    {
        var pixels = new float[luminosityPerPc2.Length];
        for (int j = 0; j < pixels.Length; j++)
        {
            pixels[j] = (float)SurveyLimits.SurfaceBrightnessFromLuminosityDensity(luminosityPerPc2[j] / GasConstants.PerKpc2ToPerPc2, redshift);
        }

        return pixels;
    }

    /// <summary>Spreads the lone X-ray objects evenly: object i is lone when ⌊(i+1) f⌋ passes ⌊i f⌋ (round(N f) of N).</summary>
    private static bool IsLoneXray(int index, double fraction) =>
        Math.Floor((index + 1) * fraction) > Math.Floor(index * fraction);

    /// <summary>The map as an Arrow IPC stream without the codec's validation (Encode would refuse it): what a faulty survey pipeline emits.</summary>
    private static byte[] Unchecked(SkyMapCodec codec, SkyMap map)
    {
        using var batch = codec.ToRecordBatch(map);
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, batch.Schema))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return stream.ToArray();
    }
}
