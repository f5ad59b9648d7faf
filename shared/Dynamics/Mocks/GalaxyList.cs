using StreamProcessor.Dynamics.Halos;

namespace StreamProcessor.Dynamics.Mocks;

/// <summary>Growable parallel columns of observed galaxies for one line of sight; reused across lines of sight.</summary>
internal sealed class GalaxyList(int capacity)
{
    private readonly List<double> _x = new(capacity);
    private readonly List<double> _y = new(capacity);
    private readonly List<double> _r = new(capacity);
    private readonly List<double> _v = new(capacity);
    private readonly List<double> _magnitude = new(capacity);
    private readonly List<bool> _isInterloper = new(capacity);

    public int Count => _v.Count;

    public void Clear()
    {
        _x.Clear();
        _y.Clear();
        _r.Clear();
        _v.Clear();
        _magnitude.Clear();
        _isInterloper.Clear();
    }

    public void Add(double x, double y, double r, double v, double magnitude, bool isInterloper)
    {
        _x.Add(x);
        _y.Add(y);
        _r.Add(r);
        _v.Add(v);
        _magnitude.Add(magnitude);
        _isInterloper.Add(isInterloper);
    }

    /// <summary>The first <paramref name="count"/> galaxies as a record (members come first, so count = members gives the pure view).</summary>
    public ProjectedCluster ToProjectedCluster(int count, int haloId, int lineOfSight, bool flip, double log10M, double redshift, NfwHalo halo)
    {
        double sign = flip ? -1 : 1;
        var v = new double[count];
        for (int i = 0; i < count; i++) v[i] = sign * _v[i];
        return new ProjectedCluster
        {
            HaloId = haloId,
            LineOfSight = lineOfSight,
            VelocitySignFlipped = flip,
            Log10M200c = log10M,
            Redshift = redshift,
            Concentration = halo.Concentration,
            R200cMpcOverH = halo.R200cMpcOverH,
            RProjMpcOverH = _r.GetRange(0, count).ToArray(),
            XMpcOverH = _x.GetRange(0, count).ToArray(),
            YMpcOverH = _y.GetRange(0, count).ToArray(),
            VLosKmPerS = v,
            Magnitude = _magnitude.GetRange(0, count).ToArray(),
            IsInterloper = _isInterloper.GetRange(0, count).ToArray(),
        };
    }
}
