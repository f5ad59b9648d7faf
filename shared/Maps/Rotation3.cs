using StreamProcessor.Dynamics;

namespace StreamProcessor.Maps;

/// <summary>
/// A 3 × 3 rotation matrix, row-major. Its columns are the gas principal axes expressed in the map frame, so
/// x_map = R x_body. Uniform random rotations come from a normalised 4-D Gaussian quaternion (uniform on S³,
/// hence Haar-uniform on SO(3); Shoemake 1992, Graphics Gems III, "Uniform random rotations").
/// </summary>
public readonly record struct Rotation3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Rotation3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Element (row, column).</summary>
    public double this[int row, int column] => (row, column) switch
    {
        (0, 0) => M00, (0, 1) => M01, (0, 2) => M02,
        (1, 0) => M10, (1, 1) => M11, (1, 2) => M12,
        (2, 0) => M20, (2, 1) => M21, (2, 2) => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    /// <summary>A Haar-uniform random rotation drawn from <paramref name="random"/> (four Gaussian draws).</summary>
    public static Rotation3 Random(SeededRandom random)
    {
        double w = random.NextGaussian(), x = random.NextGaussian(), y = random.NextGaussian(), z = random.NextGaussian();
        double n = Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
        w /= n; x /= n; y /= n; z /= n;
        return new(
            1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
            2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
            2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))));
    }
}
