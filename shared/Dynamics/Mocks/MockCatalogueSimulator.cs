using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Dynamics.Halos;

namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// Phase-space mock catalogues of galaxy clusters in the spirit of Ho et al. (2019), arXiv:1902.05950 (reference
/// sheet §2 and §4): NFW haloes with Jeans–Gaussian member velocities, seen along several lines of sight through a
/// cylinder, with and without interlopers, under a flux limit. Deterministic: halo i draws only from
/// <see cref="SeededRandom.ForStream"/>(seed, i), so the output does not depend on threading.
/// </summary>
public sealed class MockCatalogueSimulator
{
    private readonly MockCatalogueOptions _options;

    // Galaxies drawn per galaxy of the richness relation (a quadrature of the luminosity function): computed once.
    private readonly double _sampledPerRichnessGalaxy;

    public MockCatalogueSimulator(MockCatalogueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _sampledPerRichnessGalaxy = _options.SampledPerRichnessGalaxy;
    }

    public MockCatalogueOptions Options => _options;

    /// <summary>
    /// Simulates haloes 0..<paramref name="haloCount"/>−1 of run <paramref name="seed"/> in parallel
    /// (<paramref name="maxDegreeOfParallelism"/> = −1: all cores) and returns both catalogues ordered by (HaloId, LineOfSight).
    /// </summary>
    public MockCatalogue Simulate(int haloCount, ulong seed, int maxDegreeOfParallelism = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(haloCount);
        var draws = new HaloDraw[haloCount];
        Parallel.For(
            0,
            haloCount,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            i => draws[i] = SimulateHalo(i, seed));

        var pure = new List<ProjectedCluster>();
        var contaminated = new List<ProjectedCluster>();
        foreach (HaloDraw draw in draws)
        {
            pure.AddRange(draw.Pure);
            contaminated.AddRange(draw.Contaminated);
        }
        return new MockCatalogue(pure, contaminated, haloCount, seed, _options);
    }

    /// <summary>Halo <paramref name="haloIndex"/> of run <paramref name="seed"/>: mass flat in log M and redshift uniform, as configured.</summary>
    public HaloDraw SimulateHalo(int haloIndex, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(haloIndex);
        SeededRandom random = SeededRandom.ForStream(seed, (ulong)haloIndex);
        double log10M = random.NextUniform(_options.Log10M200cMin, _options.Log10M200cMax);
        double redshift = random.NextUniform(_options.RedshiftMin, _options.RedshiftMax);
        return Observe(haloIndex, log10M, redshift, random);
    }

    /// <summary>
    /// A halo of given log10(M200c / h⁻¹ M☉) and redshift (e.g. for a demo), with everything else random from stream
    /// (seed, haloIndex). Not the same draw as <see cref="SimulateHalo(int, ulong)"/> for that index.
    /// </summary>
    public HaloDraw SimulateHalo(int haloIndex, ulong seed, double log10M200c, double redshift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(haloIndex);
        if (!(log10M200c is >= 11 and <= 16)) throw new ArgumentOutOfRangeException(nameof(log10M200c), log10M200c, "Need 11 ≤ log10 M ≤ 16.");
        if (!(redshift is > 0 and <= 2)) throw new ArgumentOutOfRangeException(nameof(redshift), redshift, "Need 0 < z ≤ 2.");
        return Observe(haloIndex, log10M200c, redshift, SeededRandom.ForStream(seed, (ulong)haloIndex));
    }

    private HaloDraw Observe(int haloId, double log10M, double redshift, SeededRandom random)
    {
        MockCatalogueOptions o = _options;
        FlatLcdm cosmology = o.Cosmology;
        double mass = Math.Pow(10, log10M);
        NfwHalo halo = DrawHalo(mass, redshift, random);

        // Mean richness counts members within R200c; truncation at t R200c scales it by μ(c t)/μ(c).
        double truncationFraction = halo.EnclosedMassFraction(o.MemberTruncationInR200c * halo.R200cMpcOverH);
        int memberCount = random.NextPoisson(MeanRichness(mass) * truncationFraction);
        PhaseSpacePoint[] members = NfwMemberSampler.Sample(halo, memberCount, o.MemberTruncationInR200c, o.RejectAboveEscapeSpeed, random);
        var absoluteMagnitudes = new double[memberCount];
        for (int i = 0; i < memberCount; i++)
        {
            absoluteMagnitudes[i] = o.LuminosityFunction.SampleAbsoluteMagnitude(random);
        }

        // Passive evolution of the luminosity function and the band's K-correction shift every apparent magnitude alike.
        double magnitudeShift = o.LuminosityFunction.EvolutionShift(redshift) + o.Selection.KCorrection(redshift);
        var frame = new ClusterFrame(
            redshift,
            Background.ComovingDistanceMpcOverH(redshift, cosmology),
            Background.HubbleRateHKmPerSPerMpc(redshift, cosmology),
            halo.R200cMpcOverH,
            magnitudeShift,
            o.VelocityErrorAt(redshift));
        double clusterModulus = DistanceModulus(redshift, frame.ComovingDistanceMpcOverH) + magnitudeShift;

        var pure = new List<ProjectedCluster>();
        var contaminated = new List<ProjectedCluster>();
        var pureFlipped = new List<ProjectedCluster>();
        var contaminatedFlipped = new List<ProjectedCluster>();
        var galaxies = new GalaxyList(memberCount + 32);
        for (int k = 0; k < o.LinesOfSight; k++)
        {
            LineOfSightBasis basis = o.RandomLineOfSightRotations ? LineOfSightBasis.Random(random) : LineOfSightBasis.Axis(k);
            galaxies.Clear();
            for (int i = 0; i < memberCount; i++)
            {
                PhaseSpacePoint p = members[i];
                double v = basis.ProjectAlong(p.VxKmPerS, p.VyKmPerS, p.VzKmPerS);
                TryObserve(
                    galaxies,
                    basis.ProjectSkyX(p.XMpcOverH, p.YMpcOverH, p.ZMpcOverH),
                    basis.ProjectSkyY(p.XMpcOverH, p.YMpcOverH, p.ZMpcOverH),
                    v,
                    absoluteMagnitudes[i] + clusterModulus,
                    isInterloper: false,
                    frame,
                    random);
            }
            int observedMembers = galaxies.Count;
            AddBackground(galaxies, frame, random);
            AddNeighbourHaloes(galaxies, frame, basis, random);
            if (o.Selection.CapsSpectraAt(redshift))
            {
                // Slits for at most `cap` galaxies of the cylinder, brightest first; the pure view is the members among them.
                int cap = random.Next(o.Selection.SpectraPerClusterMin!.Value, o.Selection.SpectraPerClusterMax!.Value + 1);
                observedMembers = galaxies.KeepBrightest(cap);
            }

            Emit(pure, pureFlipped, galaxies, observedMembers, k);
            Emit(contaminated, contaminatedFlipped, galaxies, galaxies.Count, k);
        }
        pure.AddRange(pureFlipped);
        contaminated.AddRange(contaminatedFlipped);
        return new HaloDraw(haloId, log10M, redshift, halo.Concentration, pure, contaminated);

        void Emit(List<ProjectedCluster> target, List<ProjectedCluster> flippedTarget, GalaxyList list, int count, int lineOfSight)
        {
            if (count < o.Selection.MinimumGalaxyCount) return;
            target.Add(list.ToProjectedCluster(count, haloId, lineOfSight, flip: false, log10M, redshift, halo));
            if (o.AddVelocitySignFlips)
            {
                flippedTarget.Add(list.ToProjectedCluster(count, haloId, o.LinesOfSight + lineOfSight, flip: true, log10M, redshift, halo));
            }
        }
    }

    /// <summary>Duffy+08 median c200c (arXiv:0804.2486, Table 1, full sample) with log-normal scatter.</summary>
    private NfwHalo DrawHalo(double mass, double redshift, SeededRandom random)
    {
        double median = DuffyConcentration.Median(mass, redshift, Overdensity.Critical200);
        double concentration = median * Math.Pow(10, _options.ConcentrationScatterDex * random.NextGaussian());
        return NfwHalo.Create(mass, redshift, concentration, _options.Cosmology);
    }

    /// <summary>Adds measurement error, then keeps the galaxy if it is in the cylinder and passes the completeness draw.</summary>
    private void TryObserve(GalaxyList galaxies, double x, double y, double vTrue, double apparentMagnitude, bool isInterloper, ClusterFrame frame, SeededRandom random)
    {
        ObservationalSelection selection = _options.Selection;
        double v = vTrue + (frame.VelocityErrorKmPerS * random.NextGaussian());
        // Draw the completeness deviate unconditionally so a galaxy's later draws never depend on whether it was kept.
        double completenessDeviate = random.NextDouble();
        double r = Math.Sqrt((x * x) + (y * y));
        if (r < selection.ApertureMpcOverH
            && Math.Abs(v) < selection.VelocityCutKmPerS
            && completenessDeviate < selection.Completeness(apparentMagnitude))
        {
            galaxies.Add(x, y, r, v, apparentMagnitude, isInterloper);
        }
    }

    /// <summary>Mean members within R200c drawn for mass M200c: <see cref="MockCatalogueOptions.MeanRichness"/> with the cached luminosity-function ratio.</summary>
    private double MeanRichness(double m200cMsunOverH) => _options.RichnessRelation(m200cMsunOverH) * _sampledPerRichnessGalaxy;

    /// <summary>
    /// (a) Uniform background: Poisson count over the aperture, uniform in area and in v_los over the window. Its mean is
    /// the configured surface density × the luminosity-function ratio of the members, × the comoving volume of the
    /// cylinder relative to z = 0.1 when the background has a constant comoving density: physical aperture R → comoving
    /// R (1+z), window ±v_cut → Δχ = 2 v_cut (1+z)/H(z), so V ∝ (1+z)³/E(z).
    /// </summary>
    private void AddBackground(GalaxyList galaxies, ClusterFrame frame, SeededRandom random)
    {
        ObservationalSelection selection = _options.Selection;
        InterloperOptions interlopers = _options.Interlopers;
        double aperture = selection.ApertureMpcOverH;
        double expected = interlopers.BackgroundSurfaceDensityH2PerMpc2 * Math.PI * aperture * aperture * _sampledPerRichnessGalaxy;
        if (interlopers.BackgroundAtConstantComovingDensity)
        {
            double zRef = InterloperOptions.BackgroundReferenceRedshift;
            double volumeNow = Math.Pow(1 + frame.Redshift, 3) / Background.E(frame.Redshift, _options.Cosmology);
            double volumeRef = Math.Pow(1 + zRef, 3) / Background.E(zRef, _options.Cosmology);
            expected *= volumeNow / volumeRef;
        }
        int count = random.NextPoisson(expected);
        for (int i = 0; i < count; i++)
        {
            double radius = aperture * Math.Sqrt(random.NextDouble());
            double phi = 2 * Math.PI * random.NextDouble();
            double v = random.NextUniform(-selection.VelocityCutKmPerS, selection.VelocityCutKmPerS);
            // Its distance follows from the Hubble flow: Δχ = v (1+z)/H(z) (reference sheet §4 with v_pec folded in).
            double deltaChi = v * (1 + frame.Redshift) / frame.HubbleRateHKmPerSPerMpc;
            double magnitude = _options.LuminosityFunction.SampleAbsoluteMagnitude(random) + NeighbourModulus(frame, deltaChi) + frame.MagnitudeShift;
            TryObserve(galaxies, radius * Math.Cos(phi), radius * Math.Sin(phi), v, magnitude, isInterloper: true, frame, random);
        }
    }

    /// <summary>
    /// (b) Other haloes along the line of sight, uniform in a comoving cylinder of radius (aperture + margin)(1+z) and
    /// depth ±D, masses from dn/dlnM ∝ M^−slope; overlaps with the cluster (centres closer than the sum of R200c) are
    /// excluded. v_los = H(z) Δχ/(1+z) + v_pec,halo − v_pec,cluster + v_internal (reference sheet §4).
    /// </summary>
    private void AddNeighbourHaloes(GalaxyList galaxies, ClusterFrame frame, LineOfSightBasis basis, SeededRandom random)
    {
        InterloperOptions interlopers = _options.Interlopers;
        double onePlusZ = 1 + frame.Redshift;
        double sigmaPec = interlopers.PeculiarVelocityPerComponentKmPerS;
        double clusterPeculiar = sigmaPec * random.NextGaussian();

        double placementRadius = _options.Selection.ApertureMpcOverH + interlopers.PlacementMarginMpcOverH;
        double comovingRadius = placementRadius * onePlusZ;
        double volume = Math.PI * comovingRadius * comovingRadius * 2 * interlopers.LineOfSightDepthMpcOverH;
        int count = random.NextPoisson(interlopers.HaloSpaceDensityH3PerMpc3 * volume);

        double gamma = interlopers.MassFunctionSlope;
        double lowTerm = Math.Pow(10, -gamma * interlopers.Log10MassMin);
        double highTerm = Math.Pow(10, -gamma * interlopers.Log10MassMax);
        for (int h = 0; h < count; h++)
        {
            // Inverse CDF of p(ln M) ∝ M^−γ on [M_min, M_max].
            double mass = Math.Pow(lowTerm - (random.NextDouble() * (lowTerm - highTerm)), -1 / gamma);
            double deltaChi = random.NextUniform(-interlopers.LineOfSightDepthMpcOverH, interlopers.LineOfSightDepthMpcOverH);
            double rho = placementRadius * Math.Sqrt(random.NextDouble());
            double phi = 2 * Math.PI * random.NextDouble();
            NfwHalo neighbour = DrawHalo(mass, frame.Redshift, random);
            double expected = MeanRichness(mass)
                * neighbour.EnclosedMassFraction(_options.MemberTruncationInR200c * neighbour.R200cMpcOverH);
            int memberCount = random.NextPoisson(expected);
            double haloPeculiar = sigmaPec * random.NextGaussian();

            double properSeparation = Math.Sqrt(Math.Pow(deltaChi / onePlusZ, 2) + (rho * rho));
            if (memberCount == 0 || properSeparation < frame.R200cMpcOverH + neighbour.R200cMpcOverH)
            {
                continue;
            }

            double x0 = rho * Math.Cos(phi);
            double y0 = rho * Math.Sin(phi);
            double vHalo = (frame.HubbleRateHKmPerSPerMpc * deltaChi / onePlusZ) + haloPeculiar - clusterPeculiar;
            double modulus = NeighbourModulus(frame, deltaChi) + frame.MagnitudeShift;
            for (int i = 0; i < memberCount; i++)
            {
                PhaseSpacePoint p = NfwMemberSampler.SampleOne(neighbour, _options.MemberTruncationInR200c, _options.RejectAboveEscapeSpeed, random);
                double magnitude = _options.LuminosityFunction.SampleAbsoluteMagnitude(random) + modulus;
                TryObserve(
                    galaxies,
                    x0 + basis.ProjectSkyX(p.XMpcOverH, p.YMpcOverH, p.ZMpcOverH),
                    y0 + basis.ProjectSkyY(p.XMpcOverH, p.YMpcOverH, p.ZMpcOverH),
                    vHalo + basis.ProjectAlong(p.VxKmPerS, p.VyKmPerS, p.VzKmPerS),
                    magnitude,
                    isInterloper: true,
                    frame,
                    random);
            }
        }
    }

    /// <summary>5 log10(D_L / h⁻¹ Mpc) + 25 with D_L = (1+z) D_C (flat; Hogg 1999, arXiv:astro-ph/9905116, Eq. 21).</summary>
    private static double DistanceModulus(double redshift, double comovingDistanceMpcOverH) =>
        (5 * Math.Log10((1 + redshift) * comovingDistanceMpcOverH)) + 25;

    /// <summary>Distance modulus at comoving offset Δχ behind the cluster: χ = χ_cl + Δχ, z = z_cl + H(z_cl) Δχ / c (first order).</summary>
    private static double NeighbourModulus(ClusterFrame frame, double deltaChiMpcOverH)
    {
        double chi = Math.Max(frame.ComovingDistanceMpcOverH + deltaChiMpcOverH, 1.0);
        double redshift = frame.Redshift + (frame.HubbleRateHKmPerSPerMpc * deltaChiMpcOverH / PhysicalConstants.SpeedOfLightKmPerS);
        return DistanceModulus(redshift, chi);
    }

    private readonly record struct ClusterFrame(
        double Redshift,
        double ComovingDistanceMpcOverH,
        double HubbleRateHKmPerSPerMpc,
        double R200cMpcOverH,
        double MagnitudeShift,
        double VelocityErrorKmPerS);
}
