using Apache.Arrow;

namespace StreamProcessor.Contracts.Tests;

/// <summary>Repeats a one-row array, to build a two-row batch.</summary>
internal static class ArrowArrayConcatenatorHelper
{
    public static IArrowArray Twice(IArrowArray array) => ArrowArrayConcatenator.Concatenate([array, array]);
}
