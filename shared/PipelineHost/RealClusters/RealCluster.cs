using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>
/// One observed cluster of a real-data folder: its catalogue (every spectrum, interlopers included: membership is
/// what the phase-space path decides) and the published numbers it is compared with.
/// </summary>
/// <param name="Catalogue">The catalogue as `ingest file` would publish it (member redshifts, no magnitudes).</param>
/// <param name="Spectra">Galaxies with a spectroscopic redshift in the folder.</param>
/// <param name="SzM500cMsun">SPT-SZ M500c in M☉ for h = 0.7 (Bleem et al. 2015); null for clusters without one.</param>
/// <param name="PublishedSigmaKmPerS">Published velocity dispersion of the members; null when absent.</param>
/// <param name="Source">Where the spectroscopy comes from, as the folder names it.</param>
public sealed record RealCluster(
    ClusterCatalogue Catalogue,
    int Spectra,
    double? SzM500cMsun,
    double? PublishedSigmaKmPerS,
    string Source);
