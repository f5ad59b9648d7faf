using System.Diagnostics;
using System.Globalization;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Maps;

namespace StreamProcessor.MapFeatureExtraction;

/// <summary>One map turned into one model channel, or the reason it cannot be (the record then flows on rejected).</summary>
public sealed record MapChannel(SkyMapFieldKind Kind, string MapId, float[]? Log10Pixels, double FlooredFraction, double Log10Floor, string? RejectionReason, double ComputeMs);

/// <summary>Why a map cannot be used at all: it goes to maps.dlq with this reason (the dlq-reason label) and message.</summary>
public sealed record MapDefect(string Reason, string Message);

/// <summary>
/// A sky map → one channel of the model grid: validate, put the angular pixels on the physical grid
/// (pixel kpc = θ D_A(z), D_A of Planck 2018; <see cref="Background.AngularDiameterDistanceMpcOverH"/>), convert the units
/// (<see cref="MapUnits"/>), resample area-weighted (<see cref="MapResampler"/>), raise every pixel below the profile's
/// floor (and every model pixel outside the input map) to the floor, and take log10.
/// </summary>
public sealed class MapChannelBuilder(MapFeaturesOptions options, FlatLcdm cosmology)
{
    private const double ArcsecPerRadian = 180.0 * 3600.0 / Math.PI;

    /// <summary>The defect that sends a map to the dead-letter topic; null for a usable map.</summary>
    public MapDefect? Check(SkyMap map)
    {
        if (map.Width != map.Height)
        {
            return new("malformed", $"the map is {map.Width} × {map.Height} pixels; the model grid needs a square map (width = height)");
        }

        if (map.Width > options.MaxInputSide)
        {
            return new("oversized", $"the map is {map.Width} pixels on a side; at most {options.MaxInputSide} (MapFeatures:MaxInputSide)");
        }

        if (map.Pixels.Count != map.Width * map.Height)
        {
            return new("malformed", $"the map has {map.Pixels.Count} pixels, width × height = {map.Width * map.Height}");
        }

        for (int i = 0; i < map.Pixels.Count; i++)
        {
            if (!float.IsFinite(map.Pixels[i]))
            {
                return new("non-finite", $"pixel {i} (row {i / map.Width}, column {i % map.Width}) is {map.Pixels[i].ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (MapUnits.ToPhysical(map.FieldKind, map.Units, map.Redshift) is null)
        {
            return new("unknown-units", $"units '{map.Units}' are not known for {map.FieldKind.ToText()}; known: {string.Join(", ", MapUnits.Known(map.FieldKind).Select(u => $"'{u}'"))}");
        }

        return null;
    }

    /// <summary>The channel of a map that passed <see cref="Check"/>, under <paramref name="profile"/>.</summary>
    public MapChannel Build(SkyMap map, MapLimitsProfile profile)
    {
        var clock = Stopwatch.StartNew();
        double floor = PhysicalFloor(map.FieldKind, profile, map.Redshift);
        double log10Floor = Math.Log10(floor);
        if (map.Redshift < options.MinimumRedshift)
        {
            return Rejected($"redshift {map.Redshift.ToString("G4", CultureInfo.InvariantCulture)} is below {options.MinimumRedshift.ToString("G4", CultureInfo.InvariantCulture)}: no usable angular-diameter distance for a physical pixel scale");
        }

        double distanceKpc = Background.AngularDiameterDistanceMpcOverH(map.Redshift, cosmology) / cosmology.LittleH * 1000.0;
        double inputPixelKpc = map.PixelScaleArcsec / ArcsecPerRadian * distanceKpc;
        var (pixels, coverage) = MapResampler.Resample(map.Pixels, map.Width, inputPixelKpc, options.Side, options.PixelKpc);
        if (coverage < options.MinimumCoverage)
        {
            double gridKpc = options.Side * options.PixelKpc;
            return Rejected(string.Create(CultureInfo.InvariantCulture,
                $"the map ({map.Width} pixels of {inputPixelKpc:G3} kpc at z = {map.Redshift:G4}) covers {100 * coverage:F0} % of the {gridKpc:G4} kpc model grid; at least {100 * options.MinimumCoverage:F0} % is required"));
        }

        double factor = MapUnits.ToPhysical(map.FieldKind, map.Units, map.Redshift)!.Value;
        var log10 = new float[pixels.Length];
        int floored = 0;
        for (int i = 0; i < pixels.Length; i++)
        {
            double value = pixels[i] * factor; // NaN outside the input map
            if (!(value > floor))
            {
                value = floor;
                floored++;
            }

            log10[i] = (float)Math.Log10(value);
        }

        return new MapChannel(map.FieldKind, map.MapId, log10, floored / (double)pixels.Length, log10Floor, null, clock.Elapsed.TotalMilliseconds);

        MapChannel Rejected(string reason) => new(map.FieldKind, map.MapId, null, 0, log10Floor, $"{map.FieldKind.ToText()}: {reason}", clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The floor in the channel's physical unit: the profile's detection limit at this redshift, else the tiny floor.</summary>
    public double PhysicalFloor(SkyMapFieldKind kind, MapLimitsProfile profile, double redshift) => kind switch
    {
        SkyMapFieldKind.XraySurfaceBrightness => profile.XrayFloorErgPerSPerCm2PerArcmin2 is { } limit
            ? MapUnits.XrayToPhysical(limit, redshift)
            : MapInputScaling.XrayMinimumErgPerSPerPc2,
        SkyMapFieldKind.HiColumnDensity => profile.HiFloorCm2 ?? MapInputScaling.HiMinimumCm2,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
