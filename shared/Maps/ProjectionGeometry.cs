namespace StreamProcessor.Maps;

/// <summary>
/// How an ellipsoidal distribution ρ(xᵀ A x) looks along map-frame axis k, with (u, v) the other two axes in
/// cyclic order (k = x → (y, z); y → (z, x); z → (x, y)). Completing the square in the line-of-sight coordinate,
/// xᵀ A x = A_kk (k − k0)² + m⊥², with m⊥² = Q_uu u² + 2 Q_uv u v + Q_vv v² and Q = A_⊥ − A_⊥k A_k⊥ / A_kk
/// (the Schur complement), so Σ(u, v) = P(m⊥) / √A_kk where P is the spherical projection of ρ(m).
/// Because det A = A_kk det Q, ∫ Σ du dv = ∫ P 2π m⊥ dm⊥ / √det A: mass is conserved exactly.
/// </summary>
public readonly record struct ProjectionGeometry(int Axis, int AxisU, int AxisV, double Quu, double Quv, double Qvv, double InverseSqrtAkk)
{
    /// <summary>The geometry of an ellipsoid with axis ratios q1 = b/a, q2 = c/a, rotated by R, seen along axis k.</summary>
    public static ProjectionGeometry Create(Rotation3 rotation, double axisRatioBA, double axisRatioCA, int axis)
    {
        if (axis is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2.");
        double[] inverseSquared = [1, 1 / (axisRatioBA * axisRatioBA), 1 / (axisRatioCA * axisRatioCA)];
        // A = R diag(1, 1/q1², 1/q2²) Rᵀ: the quadratic form of m² in the map frame.
        double A(int i, int j)
        {
            double s = 0;
            for (int n = 0; n < 3; n++) s += rotation[i, n] * inverseSquared[n] * rotation[j, n];
            return s;
        }

        int u = (axis + 1) % 3, v = (axis + 2) % 3;
        double akk = A(axis, axis), auk = A(u, axis), avk = A(v, axis);
        return new ProjectionGeometry(
            axis, u, v,
            A(u, u) - (auk * auk / akk),
            A(u, v) - (auk * avk / akk),
            A(v, v) - (avk * avk / akk),
            1 / Math.Sqrt(akk));
    }

    /// <summary>m⊥² at map coordinates (u, v).</summary>
    public double SquaredRadius(double u, double v) => (Quu * u * u) + (2 * Quv * u * v) + (Qvv * v * v);

    /// <summary>m² of a map-frame point for the same ellipsoid (for 3-D checks).</summary>
    public static double EllipsoidalRadiusSquared(Rotation3 rotation, double axisRatioBA, double axisRatioCA, double x, double y, double z)
    {
        // Body coordinates x_b = Rᵀ x.
        double xb = (rotation.M00 * x) + (rotation.M10 * y) + (rotation.M20 * z);
        double yb = (rotation.M01 * x) + (rotation.M11 * y) + (rotation.M21 * z);
        double zb = (rotation.M02 * x) + (rotation.M12 * y) + (rotation.M22 * z);
        return (xb * xb) + (yb * yb / (axisRatioBA * axisRatioBA)) + (zb * zb / (axisRatioCA * axisRatioCA));
    }
}
