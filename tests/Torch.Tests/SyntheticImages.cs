using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Torch.Tests;

/// <summary>
/// Synthetic 48 x 48 "phase-space" images whose target is a simple function of the image: a Gaussian in the
/// velocity axis of width s pixels times an exponential in the radius axis, normalised to sum 1; target = log10 s.
/// Two noisy lines of sight per group.
/// </summary>
internal static class SyntheticImages
{
    public const int Side = MassCnn2D.ImageSize;

    public static SampleDataset Create(int groups, int samplesPerGroup, int seed)
    {
        var random = new Random(seed);
        int count = groups * samplesPerGroup;
        var inputs = new float[count * Side * Side];
        var targets = new float[count];
        var groupIds = new long[count];
        for (int g = 0; g < groups; g++)
        {
            double width = 2 + (8 * random.NextDouble());
            for (int k = 0; k < samplesPerGroup; k++)
            {
                int i = (g * samplesPerGroup) + k;
                groupIds[i] = 1000 + g;
                targets[i] = (float)Math.Log10(width);
                Fill(inputs.AsSpan(i * Side * Side, Side * Side), width, random);
            }
        }

        return new SampleDataset(inputs, targets, groupIds, Side * Side, ["log10_width"]);
    }

    private static void Fill(Span<float> image, double widthPixels, Random random)
    {
        double sum = 0;
        for (int r = 0; r < Side; r++)
        {
            for (int v = 0; v < Side; v++)
            {
                double dv = v - ((Side - 1) / 2.0);
                double value = Math.Exp(-dv * dv / (2 * widthPixels * widthPixels)) * Math.Exp(-r / 12.0) * (1 + (0.05 * random.NextDouble()));
                image[(r * Side) + v] = (float)value;
                sum += value;
            }
        }

        for (int p = 0; p < image.Length; p++)
        {
            image[p] = (float)(image[p] / sum);
        }
    }
}
