"""Reads FITS files written by StreamProcessor.Fits.FitsWriter with astropy and prints what astropy sees.

Usage: /usr/bin/python3 read_ours.py FILE...
Prints one JSON object: file name -> {hdu, extname, width, height, bitpix, bunit, pixels (null = NaN), centre [ra, dec]
(astropy.wcs pixel_to_world of the centre pixel), scale_arcsec, warnings}. Exit code 3: astropy is not installed.
"""
import json
import math
import os
import sys
import warnings

try:
    import numpy as np
    from astropy.io import fits
    from astropy.wcs import WCS
except ImportError as e:
    print(f"astropy/numpy missing: {e}", file=sys.stderr)
    sys.exit(3)


def describe(file):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with fits.open(file) as hdul:
            hdul.verify("exception")  # our files must pass astropy's standard checks, not only load
            index = next(i for i, h in enumerate(hdul) if h.is_image and h.header.get("NAXIS", 0) > 0)
            hdu = hdul[index]
            data = np.asarray(hdu.data, dtype=np.float64)
            height, width = data.shape
            result = {"hdu": index, "extname": hdu.header.get("EXTNAME"), "width": width, "height": height,
                      "bitpix": hdu.header["BITPIX"], "bunit": hdu.header.get("BUNIT"),
                      "pixels": [None if math.isnan(v) else float(v) for v in data.reshape(-1)],
                      "centre": None, "scale_arcsec": None}
            if "CRVAL1" in hdu.header:
                w = WCS(hdu.header)
                ra, dec = w.pixel_to_world_values((width - 1) / 2.0, (height - 1) / 2.0)
                result["centre"] = [float(ra) % 360.0, float(dec)]
                result["scale_arcsec"] = float(np.sqrt(abs(np.linalg.det(w.pixel_scale_matrix))) * 3600.0)
        result["warnings"] = [str(w.message) for w in caught]
    return result


print(json.dumps({os.path.basename(f): describe(f) for f in sys.argv[1:]}, allow_nan=False))
