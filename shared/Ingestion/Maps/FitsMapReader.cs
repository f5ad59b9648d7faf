using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Fits;

namespace StreamProcessor.Ingestion.Maps;

/// <summary>
/// One FITS file → one <see cref="SkyMap"/> validated by the production codec, or the reason it is refused. A malformed
/// FITS, a missing position or unit, or a map the codec refuses (NaN pixels, too many pixels) is a rejection, never an
/// exception. Reasons read "&lt;category&gt; &lt;field&gt;: &lt;detail&gt;" like those of the other assemblers.
/// </summary>
public sealed class FitsMapReader(CodecLimits? limits = null)
{
    private readonly SkyMapCodec _codec = new(limits);

    public (SkyMap? Map, MapRejection? Rejection) Read(string path, MapFileOptions options)
    {
        string source = Path.GetFileName(path);
        string mapId = options.MapId ?? Path.GetFileNameWithoutExtension(path);
        FitsImage image;
        try
        {
            image = FitsReader.Read(path, options.Fits);
        }
        catch (FitsFormatException e)
        {
            return (null, new MapRejection(source, mapId, $"malformed FITS: {e.Message}"));
        }
        catch (IOException e)
        {
            return (null, new MapRejection(source, mapId, $"unreadable file: {e.Message}"));
        }

        return Convert(image, source, mapId, options);
    }

    /// <summary>A decoded image → a validated map (exposed for tests that build the image in memory).</summary>
    public (SkyMap? Map, MapRejection? Rejection) Convert(FitsImage image, string source, string mapId, MapFileOptions options)
    {
        if (MapGeometry.Resolve(image, options, out string? problem) is not var (ra, dec, scale, flipRows))
        {
            return (null, new MapRejection(source, mapId, problem!));
        }

        string? units = options.Units ?? image.Bunit;
        if (string.IsNullOrWhiteSpace(units))
        {
            return (null, new MapRejection(source, mapId, "missing-field units: the FITS has no BUNIT; give --units"));
        }

        var map = new SkyMap
        {
            MapId = mapId,
            ObjectId = options.ObjectId,
            Survey = options.Survey,
            FieldKind = options.FieldKind,
            CentreRaDeg = ra,
            CentreDecDeg = dec,
            Redshift = options.Redshift,
            PixelScaleArcsec = scale,
            Width = image.Width,
            Height = image.Height,
            Pixels = Pixels(image, flipRows),
            Units = units,
        };
        try
        {
            return (_codec.Decode(_codec.Encode(map)), null);
        }
        catch (RecordValidationException e)
        {
            return (null, new MapRejection(source, mapId, $"{e.Reason.ToLabel()} {e.Message}"));
        }
    }

    /// <summary>Row-major float32 pixels, rows reversed for a south-up image so that row 0 is the lowest declination.</summary>
    private static float[] Pixels(FitsImage image, bool flipRows)
    {
        var pixels = new float[image.Pixels.Length];
        for (int row = 0; row < image.Height; row++)
        {
            int from = (flipRows ? image.Height - 1 - row : row) * image.Width;
            for (int column = 0; column < image.Width; column++) pixels[(row * image.Width) + column] = (float)image.Pixels[from + column];
        }

        return pixels;
    }
}
