using System.Text.Json;

namespace StreamProcessor.Fits.Tests;

/// <summary>
/// What <see cref="FitsWriter"/> writes, read by astropy (scripts/read_ours.py, which also runs astropy's
/// verify("exception")): the same pixels, BUNIT, EXTNAME and WCS centre.
/// </summary>
public sealed class AstropyReadsOurFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fits-ours-").FullName;

    [Fact]
    public void Astropy_reads_our_pixels_unit_extname_and_wcs_centre()
    {
        var pixels = Enumerable.Range(0, 7 * 5).Select(i => (float)Math.Sin(i) * 1e-14f).ToArray();
        pixels[8] = float.NaN;
        var rotated = new FitsWcsSpec
        {
            CrPix1 = 2.0, CrPix2 = 4.5, CrVal1Deg = 359.95, CrVal2Deg = -45.0,
            Cd11 = -0.1, Cd12 = 0.03, Cd21 = 0.02, Cd22 = 0.1,
        };
        var files = new Dictionary<string, FitsWriteOptions>
        {
            ["primary_tan_cd.fits"] = new() { Bunit = "erg s^-1 cm^-2 arcsec^-2", Wcs = rotated },
            ["extension_cdelt.fits"] = new() { Bunit = "cm-2", AsImageExtension = true, ExtName = "SALIENCY", Wcs = FitsWcsSpec.CentredTan(7, 5, 150.1, 2.2, 6.0) with { AsCdelt = true } },
            ["bare.fits"] = new(),
        };
        foreach (var (name, options) in files) FitsWriter.Write(Path.Combine(_folder, name), pixels, 7, 5, options);

        var astropy = Astropy.Run("read_ours.py", [.. files.Keys.Select(n => Path.Combine(_folder, n))]);

        foreach (var (name, options) in files)
        {
            var seen = astropy.GetProperty(name);
            var ours = FitsReader.Read(Path.Combine(_folder, name));
            Assert.Equal(options.AsImageExtension ? 1 : 0, seen.GetProperty("hdu").GetInt32());
            Assert.Equal((7, 5, -32), (seen.GetProperty("width").GetInt32(), seen.GetProperty("height").GetInt32(), seen.GetProperty("bitpix").GetInt32()));
            Assert.Equal(options.Bunit, Text(seen, "bunit"));
            Assert.Equal(options.ExtName, Text(seen, "extname"));
            Astropy.EqualPixels([.. pixels.Select(p => (double)p)], Astropy.Pixels(seen));
            Assert.Empty(seen.GetProperty("warnings").EnumerateArray());
            if (options.Wcs is null)
            {
                Assert.Equal(JsonValueKind.Null, seen.GetProperty("centre").ValueKind);
                continue;
            }

            var centre = seen.GetProperty("centre");
            Astropy.EqualSky(centre[0].GetDouble(), centre[1].GetDouble(), ours.Wcs!.CentreRaDeg, ours.Wcs.CentreDecDeg, 1e-9, name);
            Assert.Equal(seen.GetProperty("scale_arcsec").GetDouble(), ours.Wcs.PixelScaleArcsec, 1e-9);
        }

        // The centred WCS puts CRVAL at the centre pixel, as astropy confirms.
        var centred = astropy.GetProperty("extension_cdelt.fits").GetProperty("centre");
        Astropy.EqualSky(150.1, 2.2, centred[0].GetDouble(), centred[1].GetDouble(), 1e-9, "centred TAN");
        Assert.Equal(6.0, astropy.GetProperty("extension_cdelt.fits").GetProperty("scale_arcsec").GetDouble(), 1e-9);
    }

    private static string? Text(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
