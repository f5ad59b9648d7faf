namespace StreamProcessor.Maps.Tests;

public sealed class ProjectionTests
{
    [Fact]
    public void A_spherical_beta_model_with_constant_lambda_projects_to_the_analytic_profile()
    {
        // ε ∝ n² ∝ (1 + r²/r_c²)^(−3β) projects to S(R) = √π r_c Γ(3β − ½)/Γ(3β) (1 + R²/r_c²)^(−3β + ½)
        // (reference sheet §5), = (π r_c / 2)(1 + R²/r_c²)^(−3/2) for β = 2/3. Truncating at R_t = 100 r_c removes
        // ≈ 0.4 (R/R_t)³ of S(R): < 1e-4 for R ≤ 5 r_c.
        const double rc = 10, truncation = 100 * rc;
        var table = ProjectedProfileTable.Build(r => Math.Pow(1 + (r * r / (rc * rc)), -2), truncation);
        foreach (double radius in new[] { 1.5, 5, 10, 20, 50 })
        {
            double expected = Math.PI * rc / 2 * Math.Pow(1 + (radius * radius / (rc * rc)), -1.5);
            Assert.Equal(expected, table.AtSquaredRadius(radius * radius), 0.005 * expected);
        }
    }

    [Fact]
    public void An_ellipsoid_projected_along_any_axis_keeps_its_mass()
    {
        var settings = MapSettings.Cgm with { Pixels = 512, PixelSizeKpc = 2, IncludeSatellites = false, MassRange = new HaloMassRange(12.0, 12.0) };
        var halo = HaloSampler.Draw(settings, GalaxyFormationModel.TngLike, 21, 3);
        double total = halo.Gas.TotalXrayLuminosityErgPerS;
        for (int axis = 0; axis < 3; axis++)
        {
            var (xray, _) = MapRenderer.Render(halo, settings, axis);
            double mapped = MapStatistics.Sum(xray) * settings.PixelAreaKpc2 / GasConstants.PerKpc2ToPerPc2;
            Assert.Equal(1.0, mapped / total, 2);
        }
    }
}
