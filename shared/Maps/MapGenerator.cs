namespace StreamProcessor.Maps;

/// <summary>
/// Generates halo samples in parallel. Halo i depends only on (seed, i), so output is identical for any
/// parallelism and any batching: generate 20,000 haloes as batches [first, first + count) to bound memory
/// (one halo is 6 maps × 64 KiB at 128²).
/// </summary>
public static class MapGenerator
{
    /// <summary>Number of projections per halo (along the map-frame x, y and z axes).</summary>
    public const int ProjectionsPerHalo = 3;

    /// <summary>Haloes first … first + count − 1 of the run (seed, model, settings), ordered by index.</summary>
    public static IReadOnlyList<HaloSample> Generate(
        MapSettings settings, GalaxyFormationModel model, ulong seed, int count, int parallelism, int firstIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(model);
        settings.Validated();
        model.Validated();
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        var samples = new HaloSample[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            i => samples[i] = GenerateOne(settings, model, seed, firstIndex + i));
        return samples;
    }

    /// <summary>Halo <paramref name="index"/> of the run: draw, targets, three projections.</summary>
    public static HaloSample GenerateOne(MapSettings settings, GalaxyFormationModel model, ulong seed, int index)
    {
        var halo = HaloSampler.Draw(settings, model, seed, index);
        var projections = new HaloProjection[ProjectionsPerHalo];
        for (int axis = 0; axis < ProjectionsPerHalo; axis++)
        {
            var (xray, hi) = MapRenderer.Render(halo, settings, axis);
            projections[axis] = new HaloProjection(axis, xray, hi);
        }
        return new HaloSample(index, model.Name, CgmTargets.Compute(halo), projections, halo);
    }
}
