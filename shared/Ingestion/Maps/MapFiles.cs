using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Ingestion.Maps;

/// <summary>
/// The input side of `ingest maps`: each path is a FITS image (one map; .fits, .fit, .fts) or an Arrow IPC table of
/// sky-map rows (.arrow, .arrows, .ipc). Every problem is a rejection of that file (or row), so one bad file never stops
/// the others.
/// </summary>
public sealed class MapFiles(CodecLimits? limits = null)
{
    private readonly FitsMapReader _fits = new(limits);
    private readonly SkyMapTable _arrow = new(limits);

    public static bool IsFits(string path) => Path.GetExtension(path).ToLowerInvariant() is ".fits" or ".fit" or ".fts";

    public static bool IsArrow(string path) => Path.GetExtension(path).ToLowerInvariant() is ".arrow" or ".arrows" or ".ipc";

    /// <param name="paths">Files to read, in order.</param>
    /// <param name="fitsOptions">What FITS files do not say; null when the caller gave none (FITS files are then refused).</param>
    /// <param name="cancellationToken">Stops between files.</param>
    public async Task<MapAssembly> ReadAsync(IReadOnlyList<string> paths, MapFileOptions? fitsOptions, CancellationToken cancellationToken = default)
    {
        var maps = new List<SkyMap>();
        var rejections = new List<MapRejection>();
        foreach (string path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string source = Path.GetFileName(path);
            if (!File.Exists(path))
            {
                rejections.Add(new MapRejection(source, null, $"unreadable file: no such file {path}"));
            }
            else if (IsFits(path))
            {
                var (map, rejection) = fitsOptions is null
                    ? (null, new MapRejection(source, null, "missing-field field_kind: a FITS map needs --field-kind, --survey and --redshift"))
                    : _fits.Read(path, fitsOptions);
                if (map is not null) maps.Add(map);
                if (rejection is not null) rejections.Add(rejection);
            }
            else if (IsArrow(path))
            {
                var table = await _arrow.ReadAsync(path, cancellationToken);
                maps.AddRange(table.Maps);
                rejections.AddRange(table.Rejections);
            }
            else
            {
                rejections.Add(new MapRejection(source, null, $"unknown format '{Path.GetExtension(path)}': use .fits, .fit, .fts or .arrow"));
            }
        }

        return new MapAssembly(maps, rejections);
    }
}
