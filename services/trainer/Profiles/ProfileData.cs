using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Emulation.Training;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>The profile network's samples: emulated stacks (training, validation, emulated test) and real held-out halos.</summary>
internal static class ProfileData
{
    /// <summary>The layout and CAMELS bins of <paramref name="record"/>.</summary>
    public static (ProfileLayout Layout, int[] Bins) Layout(ProfileTrainingRecord record, IReadOnlyList<double> radiiKpc) =>
        ProfileFeatures.CamelsLayout([.. record.Kinds.Select(ProfileLayout.KindFromShortName)], radiiKpc, record.MaxRadiusMpcOverH, record.IncludeLog10Mass,
            record.StackSizeIsInput());

    /// <summary>The emulated stacks of <paramref name="record"/>: its Sobol points, mass range and halo scatter.</summary>
    public static EmulatedStacks Stacks(ProfileEmulator emulator, ProfileTrainingRecord record, IProgress<int>? progress = null) =>
        EmulatedStacks.Generate(emulator, record.Stacks, record.Log10MassMin, record.Log10MassMax, progress, record.Scatter());

    /// <summary>Emulated stacks as a dataset: one group per stack (Sobol points are distinct), noise as recorded.</summary>
    public static SampleDataset Emulated(EmulatedStacks stacks, ProfileEmulator emulator, ProfileTrainingRecord record, double? noiseFraction = null, int? noiseSeed = null)
    {
        var (layout, bins) = Layout(record, emulator.Model.RadiiKpc);
        var priors = emulator.Model.Parameters;
        var inputs = new float[stacks.Count * layout.FeatureCount];
        var targets = new float[stacks.Count * priors.Count];
        var noise = new Random(noiseSeed ?? record.NoiseSeed);
        double fraction = noiseFraction ?? record.NoiseFraction;
        for (int i = 0; i < stacks.Count; i++)
        {
            ProfileFeatures.Write(layout, bins, emulator.Bins, stacks.Log10Profiles[i], stacks.Log10Mass[i],
                inputs.AsSpan(i * layout.FeatureCount, layout.FeatureCount), noise, fraction, stacks.StackSizes?[i] ?? 1);
            for (int p = 0; p < priors.Count; p++)
            {
                targets[(i * priors.Count) + p] = (float)priors[p].InferredValue(stacks.Parameters[i][p]);
            }
        }

        return new SampleDataset(inputs, targets, [.. Enumerable.Range(0, stacks.Count).Select(i => (long)i)], layout.FeatureCount,
            [.. ProfileParameters.Definitions(priors).Select(d => d.Name)]);
    }

    /// <summary>
    /// Real halos of <paramref name="zoomIds"/> whose measured mass lies in the network's training mass range (single
    /// halos, not stacks: a stack size of 1 where the layout reads it), their measured profiles in the same layout.
    /// </summary>
    public static SampleDataset RealHalos(CamelsZoomDataset data, IReadOnlyCollection<int> zoomIds, ProfileTrainingRecord record, double noiseFraction = 0, int noiseSeed = 0)
    {
        var (layout, bins) = Layout(record, data.RadiiKpc);
        var halos = data.Halos.Where(h => zoomIds.Contains(h.ZoomId) && h.Log10HaloMass >= record.Log10MassMin && h.Log10HaloMass <= record.Log10MassMax).ToList();
        var inputs = new float[halos.Count * layout.FeatureCount];
        var targets = new float[halos.Count * data.Parameters.Count];
        var noise = new Random(noiseSeed);
        for (int i = 0; i < halos.Count; i++)
        {
            ProfileFeatures.Write(layout, bins, data.RadiiKpc.Count, EmulatorValidation.MeasuredLog10(halos[i], data.RadiiKpc), halos[i].Log10HaloMass,
                inputs.AsSpan(i * layout.FeatureCount, layout.FeatureCount), noise, noiseFraction);
            for (int p = 0; p < data.Parameters.Count; p++)
            {
                targets[(i * data.Parameters.Count) + p] = (float)data.Parameters[p].InferredValue(halos[i].Parameters[p]);
            }
        }

        return new SampleDataset(inputs, targets, [.. halos.Select(h => (long)h.Seed)], layout.FeatureCount,
            [.. ProfileParameters.Definitions(data.Parameters).Select(d => d.Name)]);
    }
}
