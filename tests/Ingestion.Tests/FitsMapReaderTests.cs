using Apache.Arrow.Ipc;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Fits;
using StreamProcessor.Ingestion.Maps;

namespace StreamProcessor.Ingestion.Tests;

/// <summary>FITS files (and Arrow sky-map tables) → validated sky maps, and what is refused and why; no Kafka.</summary>
public sealed class FitsMapReaderTests : IDisposable
{
    private static readonly MapFileOptions Options = new() { FieldKind = SkyMapFieldKind.XraySurfaceBrightness, Survey = "erass1", Redshift = 0.08 };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-maps-");

    private string Write(string name, float[] pixels, int width, int height, FitsWriteOptions? options = null)
    {
        string path = Path.Combine(_folder.FullName, name);
        FitsWriter.Write(path, pixels, width, height, options);
        return path;
    }

    private static float[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => (float)i)];

    [Fact]
    public void A_fits_with_a_tan_wcs_and_bunit_becomes_a_map_with_its_centre_scale_unit_and_file_name_id()
    {
        string path = Write("a2029.fits", Ramp(8 * 6), 8, 6,
            new FitsWriteOptions { Bunit = "erg s^-1 cm^-2 arcsec^-2", Wcs = FitsWcsSpec.CentredTan(8, 6, 227.73, 5.74, 4.0) });

        var (map, rejection) = new FitsMapReader().Read(path, Options);

        Assert.Null(rejection);
        Assert.Equal(("a2029", "erass1", SkyMapFieldKind.XraySurfaceBrightness, 0.08), (map!.MapId, map.Survey, map.FieldKind, map.Redshift));
        Assert.Equal((227.73, 5.74, 8, 6), (map.CentreRaDeg, map.CentreDecDeg, map.Width, map.Height));
        Assert.Equal(4.0, map.PixelScaleArcsec, 1e-9);
        Assert.Equal("erg s^-1 cm^-2 arcsec^-2", map.Units);
        Assert.Equal(Ramp(48), map.Pixels);
    }

    [Fact]
    public void A_south_up_image_has_its_rows_reversed_so_that_row_0_is_the_lowest_declination()
    {
        var wcs = FitsWcsSpec.CentredTan(3, 2, 10, 20, 2.0) with { Cd22 = -2.0 / 3600 };
        string path = Write("south-up.fits", Ramp(6), 3, 2, new FitsWriteOptions { Bunit = "cm-2", Wcs = wcs });

        var (map, _) = new FitsMapReader().Read(path, Options);

        Assert.Equal([3f, 4f, 5f, 0f, 1f, 2f], map!.Pixels);
    }

    [Fact]
    public void A_malformed_fits_is_refused_with_the_reader_reason_not_thrown()
    {
        string path = Write("cut.fits", Ramp(100 * 100), 100, 100, new FitsWriteOptions { Bunit = "cm-2" });
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..4000]);

        var (map, rejection) = new FitsMapReader().Read(path, Options);

        Assert.Null(map);
        Assert.Equal(("cut.fits", "cut"), (rejection!.Source, rejection.MapId));
        Assert.StartsWith("malformed FITS: HDU 0: truncated data: the data unit holds 1120 bytes", rejection.Reason);
    }

    [Fact]
    public void A_fits_without_wcs_is_refused_unless_the_position_and_pixel_scale_are_given()
    {
        string path = Write("bare.fits", Ramp(4), 2, 2, new FitsWriteOptions { Bunit = "cm-2" });

        var (_, refused) = new FitsMapReader().Read(path, Options with { RaDeg = 10, DecDeg = 20 });
        var (map, accepted) = new FitsMapReader().Read(path, Options with { RaDeg = 10, DecDeg = 20, PixelScaleArcsec = 30 });

        Assert.Equal("missing-field position: no usable WCS (no WCS keywords (CTYPEi, CRVALi, CRPIXi, CDi_j or CDELTi)); give --pixel-scale-arcsec", refused!.Reason);
        Assert.Null(accepted);
        Assert.Equal((10.0, 20.0, 30.0), (map!.CentreRaDeg, map.CentreDecDeg, map.PixelScaleArcsec));
    }

    [Fact]
    public void Options_override_the_wcs_and_bunit_and_name_the_object_the_map_is_joined_under()
    {
        string path = Write("hi.fits", Ramp(4), 2, 2, new FitsWriteOptions { Bunit = "K", Wcs = FitsWcsSpec.CentredTan(2, 2, 10, 20, 30) });

        var (map, _) = new FitsMapReader().Read(path, Options with { RaDeg = 11, Units = "cm-2", MapId = "hi-1", ObjectId = "ngc-1", FieldKind = SkyMapFieldKind.HiColumnDensity });

        Assert.Equal(("hi-1", SkyMapFieldKind.HiColumnDensity, "cm-2", 11.0, 20.0), (map!.MapId, map.FieldKind, map.Units, map.CentreRaDeg, map.CentreDecDeg));
        Assert.Equal("ngc-1", map.ObjectId);
    }

    [Fact]
    public void Blank_pixels_a_missing_unit_and_non_square_pixels_are_refused_with_their_reasons()
    {
        var wcs = FitsWcsSpec.CentredTan(2, 2, 10, 20, 30);
        string nan = Write("nan.fits", [1f, float.NaN, 3f, 4f], 2, 2, new FitsWriteOptions { Bunit = "cm-2", Wcs = wcs });
        string noUnit = Write("no-unit.fits", Ramp(4), 2, 2, new FitsWriteOptions { Wcs = wcs });
        string oblong = Write("oblong.fits", Ramp(4), 2, 2, new FitsWriteOptions { Bunit = "cm-2", Wcs = wcs with { Cd22 = 60.0 / 3600 } });

        Assert.StartsWith("non-finite pixels:", new FitsMapReader().Read(nan, Options).Rejection!.Reason);
        Assert.Equal("missing-field units: the FITS has no BUNIT; give --units", new FitsMapReader().Read(noUnit, Options).Rejection!.Reason);
        Assert.StartsWith("out-of-range pixel_scale_arcsec: the pixels are not square (30 × 60 arcsec)", new FitsMapReader().Read(oblong, Options).Rejection!.Reason);
    }

    [Fact]
    public async Task Files_of_any_kind_are_read_in_turn_and_each_bad_one_is_refused_alone()
    {
        string good = Write("good.fits", Ramp(4), 2, 2, new FitsWriteOptions { Bunit = "cm-2", Wcs = FitsWcsSpec.CentredTan(2, 2, 10, 20, 30) });
        string garbage = Path.Combine(_folder.FullName, "garbage.fits");
        await File.WriteAllTextAsync(garbage, "not a FITS file at all");
        string table = Path.Combine(_folder.FullName, "maps.arrow");
        await WriteArrowAsync(table, Map("arrow-ok", 0.3), Map("arrow-bad", 20.0));
        string text = Path.Combine(_folder.FullName, "notes.txt");
        await File.WriteAllTextAsync(text, "?");

        var assembly = await new MapFiles().ReadAsync([good, garbage, table, text, Path.Combine(_folder.FullName, "absent.fits")], Options);

        Assert.Equal(["good", "arrow-ok"], assembly.Maps.Select(m => m.MapId));
        var reasons = assembly.Rejections.ToDictionary(r => r.Source, r => r.Reason);
        Assert.StartsWith("malformed FITS: the file is 22 bytes, shorter than one 2880-byte FITS block", reasons["garbage.fits"]);
        Assert.StartsWith("out-of-range redshift: redshift = 20 is o", reasons["maps.arrow row 2"]);
        Assert.StartsWith("unknown format '.txt'", reasons["notes.txt"]);
        Assert.StartsWith("unreadable file: no such file", reasons["absent.fits"]);
    }

    [Fact]
    public async Task A_fits_file_without_the_options_it_needs_is_refused()
    {
        string good = Write("good.fits", Ramp(4), 2, 2, new FitsWriteOptions { Bunit = "cm-2" });

        var assembly = await new MapFiles().ReadAsync([good], null);

        Assert.Equal("missing-field field_kind: a FITS map needs --field-kind, --survey and --redshift", Assert.Single(assembly.Rejections).Reason);
    }

    private static SkyMap Map(string id, double redshift) => new()
    {
        MapId = id, Survey = "des", FieldKind = SkyMapFieldKind.HiColumnDensity, CentreRaDeg = 1, CentreDecDeg = 2, Redshift = redshift,
        PixelScaleArcsec = 5, Width = 2, Height = 1, Pixels = [1f, 2f], Units = "cm-2",
    };

    private static async Task WriteArrowAsync(string path, params SkyMap[] maps)
    {
        var codec = new SkyMapCodec();
        await using var file = File.Create(path);
        using var first = codec.ToRecordBatch(maps[0]);
        using var writer = new ArrowStreamWriter(file, first.Schema);
        foreach (var map in maps)
        {
            using var batch = codec.ToRecordBatch(map);
            await writer.WriteRecordBatchAsync(batch);
        }

        await writer.WriteEndAsync();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
