namespace StreamProcessor.Maps.Tests;

internal static class MapStatistics
{
    /// <summary>Share of a map's summed signal in pixels at or above <paramref name="floor"/>: what a floored survey still sees.</summary>
    public static double FractionAboveFloor(float[] map, double floor)
    {
        double total = 0, above = 0;
        foreach (float v in map)
        {
            total += v;
            if (v >= floor) above += v;
        }
        return total > 0 ? above / total : 0;
    }

    public static double Sum(float[] map) => map.Sum(v => (double)v);
}
