using System.Diagnostics;

namespace StreamProcessor.Bench;

/// <summary>
/// Inputs per second through a model in one batch and one at a time, on the same inputs, in one run: the "batched vs
/// batch-1" ratio every inference bench prints. One warm-up call of each shape first, so neither side pays the JIT.
/// </summary>
internal static class BatchedInferenceRates
{
    /// <summary>Runs the model on <c>count</c> inputs back to back.</summary>
    public delegate void Predict(ReadOnlySpan<float> inputs, int count);

    public static (double Batched, double Single) Measure(Predict predict, float[] inputs, int count, int length, int batchedRepeats)
    {
        predict(inputs.AsSpan(0, length), 1);
        predict(inputs, count);
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < batchedRepeats; r++) predict(inputs, count);
        double batched = batchedRepeats * count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        for (int i = 0; i < count; i++) predict(inputs.AsSpan(i * length, length), 1);
        double single = count / clock.Elapsed.TotalSeconds;
        return (batched, single);
    }
}
