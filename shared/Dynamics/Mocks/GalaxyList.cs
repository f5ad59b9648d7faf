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

    /// <summary>
    /// Keeps the <paramref name="cap"/> brightest galaxies (smallest apparent magnitude; ties by position), in their
    /// order, so members still come first; returns how many members remain. Nothing changes when at most cap are listed.
    /// </summary>
    public int KeepBrightest(int cap)
    {
        int count = Count;
        if (count <= cap) return _isInterloper.Count(b => !b);
        int[] order = [.. Enumerable.Range(0, count).OrderBy(i => _magnitude[i]).ThenBy(i => i).Take(cap).Order()];
        int members = 0;
        for (int k = 0; k < order.Length; k++)
        {
            int i = order[k];
            _x[k] = _x[i];
            _y[k] = _y[i];
            _r[k] = _r[i];
            _v[k] = _v[i];
            _magnitude[k] = _magnitude[i];
            _isInterloper[k] = _isInterloper[i];
            if (!_isInterloper[k]) members++;
        }
        int removed = count - cap;
        _x.RemoveRange(cap, removed);
        _y.RemoveRange(cap, removed);
        _r.RemoveRange(cap, removed);
        _v.RemoveRange(cap, removed);
        _magnitude.RemoveRange(cap, removed);
        _isInterloper.RemoveRange(cap, removed);
        return members;
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
