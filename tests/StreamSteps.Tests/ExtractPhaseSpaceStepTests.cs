using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>
/// The phase-space step on hand-made catalogues whose answers are computed here independently: cluster-centric
/// coordinates, the survey's limit profile, rejection with a reason, and an output the features codec accepts.
/// </summary>
public sealed class ExtractPhaseSpaceStepTests
{
    private const double SpeedOfLightKmPerS = 299792.458;
    private const double ClusterRaDeg = 180;
    private const double ClusterDecDeg = 30;
    private const double ClusterRedshift = 0.1;
    private static readonly PhaseSpaceFeaturesCodec Codec = new();

    private static readonly PhaseSpaceOptions Options = new()
    {
        DefaultProfile = new SurveyLimitsProfile(),
        Profiles = new()
        {
            ["sdss"] = new SurveyLimitsProfile { MagnitudeLimit = 17.77 },
            ["narrow"] = new SurveyLimitsProfile { ApertureRadiusMpcOverH = 0.5, VelocityCutKmPerS = 1000, MinimumMembers = 5 },
        },
    };

    [Fact]
    public async Task Members_are_placed_at_R_proj_equal_to_D_A_theta_and_v_los_equal_to_c_dz_over_1_plus_z()
    {
        var (catalogue, thetaRad, dz) = NorthwardCluster("euclid", members: 20);

        var features = await RunAsync(catalogue);

        Assert.Equal(RecordStatus.Accepted, features.Status);
        Assert.Equal(20, features.MembersKept);
        double dA = AngularDiameterDistanceMpcOverH(ClusterRedshift, omegaM: 0.3111);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(dA * thetaRad[i], features.MemberRProjMpcOverH![i], 1e-9 * dA);
            Assert.Equal(SpeedOfLightKmPerS * dz[i] / (1 + ClusterRedshift), features.MemberVLosKmPerS![i], 1e-6);
            // Due north: position angle 0, so the offset is all in y.
            Assert.Equal(0, features.MemberXMpcOverH![i], 1e-9);
            Assert.Equal(features.MemberRProjMpcOverH[i], features.MemberYMpcOverH![i], 1e-9);
        }

        var v = features.MemberVLosKmPerS!;
        double mean = v.Average();
        Assert.Equal(Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1)), features.SigmaLosKmPerS!.Value, 1e-6);
        Assert.Equal("default", features.Limits.Profile);
        Assert.NotNull(features.Kde2D);
        Assert.Equal(1.0, features.Kde2D.Sum(p => (double)p), 1e-4);
    }

    [Fact]
    public async Task An_eastward_member_has_positive_x_and_the_great_circle_separation()
    {
        var (catalogue, _, _) = NorthwardCluster("euclid", members: 12);
        const double raOffsetDeg = 0.2;
        var east = new ClusterMember(ClusterRaDeg + raOffsetDeg, ClusterDecDeg, ClusterRedshift, null);
        catalogue = catalogue with { Members = [.. catalogue.Members, east] };

        var features = await RunAsync(catalogue);

        // Haversine separation of two points at the same declination.
        double dec = ClusterDecDeg * Math.PI / 180;
        double halfDRa = raOffsetDeg * Math.PI / 360;
        double theta = 2 * Math.Asin(Math.Cos(dec) * Math.Sin(halfDRa));
        double expected = AngularDiameterDistanceMpcOverH(ClusterRedshift, omegaM: 0.3111) * theta;
        int last = features.MembersKept - 1;
        Assert.Equal(expected, features.MemberRProjMpcOverH![last], 1e-9 * expected);
        Assert.True(features.MemberXMpcOverH![last] > 0.99 * expected, "east is +x");
        // A small-circle offset bends slightly north of the great circle; it is still mostly east.
        Assert.InRange(features.MemberYMpcOverH![last], 0, 0.01 * expected);
        Assert.Equal(0, features.MemberVLosKmPerS![last], 1e-9);
    }

    [Fact]
    public async Task Members_outside_the_cylinder_are_dropped_and_the_limits_travel_with_the_record()
    {
        var (catalogue, _, _) = NorthwardCluster("euclid", members: 15);
        var farOut = new ClusterMember(ClusterRaDeg, ClusterDecDeg + 0.6, ClusterRedshift, null); // R_proj ≈ 2.8 h^-1 Mpc
        var tooFast = new ClusterMember(ClusterRaDeg, ClusterDecDeg + 0.01, ClusterRedshift + 0.01, null); // v_los ≈ 2,725 km/s
        var givenVelocity = new ClusterMember(ClusterRaDeg, ClusterDecDeg + 0.02, null, -2300); // measured v_los wins; outside the cut
        catalogue = catalogue with { Members = [.. catalogue.Members, farOut, tooFast, givenVelocity] };

        var features = await RunAsync(catalogue);

        Assert.Equal(RecordStatus.Accepted, features.Status);
        Assert.Equal(15, features.MembersKept);
        Assert.All(features.MemberRProjMpcOverH!, r => Assert.True(r < 1.6));
        Assert.All(features.MemberVLosKmPerS!, v => Assert.True(Math.Abs(v) < 2200));
        Assert.Equal(new PhaseSpaceLimits("default", 1.6, 2200, null, 11), features.Limits);
    }

    [Fact]
    public async Task The_survey_names_its_profile_and_an_unknown_survey_falls_back_to_the_default()
    {
        var (catalogue, _, _) = NorthwardCluster("narrow", members: 20);

        var narrow = await RunAsync(catalogue);
        var unknown = await RunAsync(catalogue with { Survey = "someone-else" });

        Assert.Equal("narrow", narrow.Limits.Profile);
        Assert.Equal(0.5, narrow.Limits.ApertureRadiusMpcOverH);
        Assert.All(narrow.MemberRProjMpcOverH!, r => Assert.True(r < 0.5));
        Assert.All(narrow.MemberVLosKmPerS!, v => Assert.True(Math.Abs(v) < 1000));
        Assert.InRange(narrow.MembersKept, 5, 19);
        Assert.Equal("default", unknown.Limits.Profile);
        Assert.Equal(20, unknown.MembersKept);
    }

    [Fact]
    public async Task A_magnitude_limited_profile_drops_faint_members_and_members_without_a_magnitude()
    {
        var (catalogue, _, _) = NorthwardCluster("sdss", members: 16);
        var members = catalogue.Members.Select((m, i) => m with { Magnitude = i switch
        {
            0 => 18.5,  // fainter than r = 17.77
            1 => null,  // not measured: cannot be shown to pass the limit
            _ => 16.0,
        } }).ToList();

        var features = await RunAsync(catalogue with { Members = members });

        Assert.Equal(RecordStatus.Accepted, features.Status);
        Assert.Equal(14, features.MembersKept);
        Assert.Equal(17.77, features.Limits.MagnitudeLimit);
    }

    [Fact]
    public async Task Too_few_members_is_a_rejected_record_with_the_reason_not_an_error()
    {
        var (catalogue, _, _) = NorthwardCluster("euclid", members: 7);

        var features = await RunAsync(catalogue);

        Assert.Equal(RecordStatus.Rejected, features.Status);
        Assert.Equal(7, features.MembersKept);
        Assert.Contains("at least 11 members", features.RejectionReason);
        Assert.Null(features.Kde2D);
        Assert.Equal(catalogue.ClusterId, features.ClusterId);
        Assert.Equal(catalogue.TrueLog10M200c, features.TrueLog10M200c);
    }

    [Fact]
    public async Task Outputs_carry_the_source_position_and_pass_the_features_codec_in_a_mixed_batch()
    {
        var step = Step();
        var batch = new[] { 20, 4, 15, 9 }
            .Select((n, i) => StepInputs.At(NorthwardCluster("euclid", n, id: $"c{i}").Catalogue, $"c{i}", Topics.Catalogues, partition: i, offset: 100 + i))
            .ToList();

        var results = await step.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Count, results.Count);
        var outputs = results.Select(r => Assert.Single(Assert.IsType<StepResult<PhaseSpaceFeatures>.Emitted>(r).Outputs)).ToList();
        Assert.Equal([RecordStatus.Accepted, RecordStatus.Rejected, RecordStatus.Accepted, RecordStatus.Rejected], outputs.Select(o => o.Status));
        for (int i = 0; i < outputs.Count; i++)
        {
            Assert.Equal(new MessageProvenance(Topics.Catalogues, i, 100 + i), outputs[i].Provenance);
            var decoded = Codec.Decode(Codec.Encode(outputs[i]));
            Assert.Equal(outputs[i].ClusterId, decoded.ClusterId);
            Assert.Equal(outputs[i].Status, decoded.Status);
            Assert.Equal(outputs[i].MembersKept, decoded.MembersKept);
        }
    }

    private static ExtractPhaseSpaceStep Step() => new(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);

    private static async Task<PhaseSpaceFeatures> RunAsync(ClusterCatalogue catalogue)
    {
        var results = await Step().ProcessAsync([StepInputs.At(catalogue, catalogue.ClusterId, Topics.Catalogues, 0, 0)], CancellationToken.None);
        return Assert.Single(Assert.IsType<StepResult<PhaseSpaceFeatures>.Emitted>(Assert.Single(results)).Outputs);
    }

    /// <summary>
    /// Members due north of the centre at separations θ_i = 0.015 (i + 1) deg (up to ~1.4 h^-1 Mpc at z = 0.1) with
    /// redshift offsets Δz_i that spread over ±1,500 km/s; returns θ_i in radians and Δz_i.
    /// </summary>
    private static (ClusterCatalogue Catalogue, double[] ThetaRad, double[] Dz) NorthwardCluster(string survey, int members, string id = "test-cluster")
    {
        var theta = new double[members];
        var dz = new double[members];
        var list = new List<ClusterMember>();
        for (int i = 0; i < members; i++)
        {
            double thetaDeg = 0.015 * ((i % 20) + 1);
            theta[i] = thetaDeg * Math.PI / 180;
            dz[i] = 0.0011 * Math.Sin(1.7 * i);
            list.Add(new ClusterMember(ClusterRaDeg, ClusterDecDeg + thetaDeg, ClusterRedshift + dz[i], null));
        }

        var catalogue = new ClusterCatalogue
        {
            ClusterId = id,
            Survey = survey,
            RaDeg = ClusterRaDeg,
            DecDeg = ClusterDecDeg,
            Redshift = ClusterRedshift,
            DetectionTime = new DateTimeOffset(2026, 3, 20, 20, 30, 0, TimeSpan.Zero),
            TrueLog10M200c = 14.2,
            Members = list,
        };
        return (catalogue, theta, dz);
    }

    /// <summary>
    /// Flat ΛCDM D_A = (c/H0) ∫₀^z dz'/E(z') / (1 + z) in h^-1 Mpc by composite Simpson (Hogg 1999, Eqs. 14, 15, 18),
    /// independent of the project's quadrature.
    /// </summary>
    private static double AngularDiameterDistanceMpcOverH(double z, double omegaM)
    {
        const int intervals = 2000;
        double h = z / intervals;
        double sum = 0;
        for (int k = 0; k <= intervals; k++)
        {
            double zk = k * h;
            double weight = k == 0 || k == intervals ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += weight / Math.Sqrt((omegaM * Math.Pow(1 + zk, 3)) + 1 - omegaM);
        }

        return SpeedOfLightKmPerS / 100 * (sum * h / 3) / (1 + z);
    }
}
