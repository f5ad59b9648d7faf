using System.Text.Json;

namespace StreamProcessor.Fits.Tests;

/// <summary>Reference FITS files written once per test class by scripts/write_fixtures.py, with what astropy reads from them.</summary>
public sealed class AstropyFixtures : IDisposable
{
    public AstropyFixtures()
    {
        Folder = Directory.CreateTempSubdirectory("fits-astropy-").FullName;
        Expected = Astropy.Run("write_fixtures.py", Folder);
    }

    public string Folder { get; }

    /// <summary>File name (or "name[EXTNAME]") → what astropy reads.</summary>
    public JsonElement Expected { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
