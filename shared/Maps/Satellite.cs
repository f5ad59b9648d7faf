namespace StreamProcessor.Maps;

/// <summary>
/// One satellite galaxy: an NFW-distributed position in the map frame (kpc), an HI disc with its own spin axis,
/// and a small hot corona seen as a Gaussian X-ray clump. Satellites are ISM and coronae, not CGM, so they enter
/// the maps but not the <see cref="CgmTargets"/>.
/// </summary>
public sealed record Satellite(
    double XKpc, double YKpc, double ZKpc,
    HiDisc Disc,
    double NormalX, double NormalY, double NormalZ,
    double XrayLuminosityErgPerS,
    double ClumpSigmaKpc);
