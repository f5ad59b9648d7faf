using System.Diagnostics;
using Xunit.Abstractions;

namespace StreamProcessor.Maps.Tests;

/// <summary>Prints throughput and typical target values for wiring the trainer; asserts nothing about speed.</summary>
public sealed class MapReportTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Report")]
    public void Report_throughput_and_typical_values_per_mass_decade()
    {
        foreach (var model in GalaxyFormationModel.All)
        {
            var watch = Stopwatch.StartNew();
            var samples = MapGenerator.Generate(MapSettings.Cgm, model, seed: 2024, count: 1000, parallelism: 2);
            watch.Stop();
            int maps = samples.Count * MapGenerator.ProjectionsPerHalo * 2;
            output.WriteLine($"{model.Name}: {samples.Count} haloes, {maps} maps in {watch.Elapsed.TotalSeconds:F2} s = {maps / watch.Elapsed.TotalSeconds:F0} maps/s (2 threads)");
            foreach (var (lo, hi) in new[] { (11.5, 12.0), (12.0, 12.5), (12.5, 13.0), (13.0, 13.5), (13.5, 14.0), (14.0, 14.3) })
            {
                var bin = samples.Where(s => s.Targets.Log10HaloMassMsun >= lo && s.Targets.Log10HaloMassMsun < hi).ToList();
                string Median(Func<HaloSample, double> f) => bin.Select(f).Order().ElementAt(bin.Count / 2).ToString("G4");
                double floor = SurveyLimits.Erass4Mhongoose.XrayFloorErgPerSPerPc2;
                double pixelAreaPc2 = MapSettings.Cgm.PixelAreaKpc2 * 1e6;
                output.WriteLine(
                    $"  [{lo},{hi}) n={bin.Count} fcgm={Median(s => s.Targets.CgmFraction)} logZ={Median(s => s.Targets.Log10MetalMassFraction)} " +
                    $"logM200kpc={Median(s => s.Targets.Log10CgmMassWithin200KpcMsun)} fcool={Median(s => s.Targets.CoolFraction)} " +
                    $"logT={Median(s => s.Targets.Log10TemperatureK)} xraySumErgPerS={Median(s => MapStatistics.Sum(s.Projections[0].Xray) * pixelAreaPc2)} xraySumMapUnits={Median(s => MapStatistics.Sum(s.Projections[0].Xray))} " +
                    $"hiMax={Median(s => s.Projections[0].Hi.Max())} LX500={Median(s => XrayLuminosity.WithinR500ErgPerS(s.Halo))} " +
                    $"xrayAboveFloor={Median(s => MapStatistics.FractionAboveFloor(s.Projections[0].Xray, floor))}");
            }
        }
    }
}
