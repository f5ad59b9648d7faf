using StreamProcessor.Dynamics.Halos;

namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// An orthonormal frame for one line of sight: <see cref="Along"/> points away from the observer (v_los = v · Along),
/// <see cref="SkyX"/> and <see cref="SkyY"/> span the sky plane, with SkyX × SkyY = Along (right-handed).
/// </summary>
public readonly record struct LineOfSightBasis(
    (double X, double Y, double Z) SkyX,
    (double X, double Y, double Z) SkyY,
    (double X, double Y, double Z) Along)
{
    /// <summary>Axis k = 0, 1, 2 looks along x, y, z; the sky axes are the other two in cyclic order.</summary>
    public static LineOfSightBasis Axis(int k) => k switch
    {
        0 => new((0, 1, 0), (0, 0, 1), (1, 0, 0)),
        1 => new((0, 0, 1), (1, 0, 0), (0, 1, 0)),
        2 => new((1, 0, 0), (0, 1, 0), (0, 0, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "Axis lines of sight are 0, 1, 2."),
    };

    /// <summary>A frame uniform on SO(3): an isotropic line of sight and a uniform roll angle about it.</summary>
    public static LineOfSightBasis Random(SeededRandom random)
    {
        var n = NfwMemberSampler.IsotropicDirection(random);
        // Any vector not parallel to n, orthogonalised, gives a first sky axis; then roll it by a uniform angle.
        (double X, double Y, double Z) a = Math.Abs(n.X) < 0.9 ? (1, 0, 0) : (0, 1, 0);
        double dot = (a.X * n.X) + (a.Y * n.Y) + (a.Z * n.Z);
        var u = Normalise((a.X - (dot * n.X), a.Y - (dot * n.Y), a.Z - (dot * n.Z)));
        var w = Cross(n, u);
        double psi = 2 * Math.PI * random.NextDouble();
        double cos = Math.Cos(psi);
        double sin = Math.Sin(psi);
        var e1 = ((cos * u.X) + (sin * w.X), (cos * u.Y) + (sin * w.Y), (cos * u.Z) + (sin * w.Z));
        var e2 = Cross(n, e1);
        return new LineOfSightBasis(e1, e2, n);
    }

    public double ProjectSkyX(double x, double y, double z) => (SkyX.X * x) + (SkyX.Y * y) + (SkyX.Z * z);

    public double ProjectSkyY(double x, double y, double z) => (SkyY.X * x) + (SkyY.Y * y) + (SkyY.Z * z);

    public double ProjectAlong(double x, double y, double z) => (Along.X * x) + (Along.Y * y) + (Along.Z * z);

    private static (double X, double Y, double Z) Cross((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        ((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    private static (double X, double Y, double Z) Normalise((double X, double Y, double Z) a)
    {
        double norm = Math.Sqrt((a.X * a.X) + (a.Y * a.Y) + (a.Z * a.Z));
        return (a.X / norm, a.Y / norm, a.Z / norm);
    }
}
