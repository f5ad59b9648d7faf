using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// Fractional Gaussian errors on every profile value, drawn afresh each time a training stack enters a batch
/// (<c>profiles train --noise F --fresh-noise</c>): the network sees a new realisation of the errors every epoch and
/// cannot fit one fixed draw, the over-fitting a fixed-noise training set shows (validation loss well above the
/// training loss). Writes the noise-free features of the row plus new noise; log10 M and log10 of the stack size, when
/// inputs, stay exact.
/// </summary>
/// <param name="cleanFeatures">Noise-free features of every stack, row-major, <paramref name="layout"/>'s feature count per row.</param>
/// <param name="layout">Feature layout: profile values first, then log10 M and the stack size when included.</param>
/// <param name="noiseFraction">Fractional error per profile value.</param>
internal sealed class FreshProfileNoise(float[] cleanFeatures, ProfileLayout layout, double noiseFraction) : IInputAugmentation
{
    private readonly int _profileValues = layout.ProfileValueCount;

    public string Description => $"{noiseFraction:P0} Gaussian errors per profile value, drawn afresh for every training batch";

    public void Apply(ReadOnlySpan<int> rows, Span<float> inputs, Random random)
    {
        int width = layout.FeatureCount;
        for (int i = 0; i < rows.Length; i++)
        {
            var clean = cleanFeatures.AsSpan(rows[i] * width, width);
            var row = inputs.Slice(i * width, width);
            for (int f = 0; f < width; f++)
            {
                row[f] = f < _profileValues ? (float)ProfileFeatures.WithNoise(clean[f], random, noiseFraction) : clean[f];
            }
        }
    }
}
