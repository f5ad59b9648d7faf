namespace StreamProcessor.MassInference;

/// <summary>
/// Which phase-space summary of a features record a mass model reads: the 2D (v_los, R_proj) KDE image or the 3D
/// (x, y, v_los) KDE cube, which the phase-space service computes only with <c>PhaseSpace:Compute3D</c>.
/// </summary>
public enum MassModelInput
{
    Kde2D,
    Kde3D,
}
