"""Writes FITS reference images with astropy, then reads each back with astropy and prints what astropy sees.

Usage: /usr/bin/python3 write_fixtures.py FOLDER
Prints one JSON object: file name (or "name[EXTNAME]") -> {hdu, width, height, bitpix, bunit, pixels (row-major, null = NaN),
centre [ra, dec] and scale_arcsec from astropy.wcs (None without a WCS), corners [[x, y, ra, dec]] in 1-based pixels}.
The expected values are astropy's, so the C# reader is checked against an independent implementation.
Exit code 3: astropy is not installed (install python3-astropy).
"""
import json
import math
import os
import sys

try:
    import numpy as np
    from astropy.io import fits
    from astropy.wcs import WCS
except ImportError as e:
    print(f"astropy/numpy missing: {e}", file=sys.stderr)
    sys.exit(3)

folder = sys.argv[1]
rng = np.random.default_rng(20240611)


def path(name):
    return os.path.join(folder, name)


def write_primary(name, data, **cards):
    hdu = fits.PrimaryHDU(data)
    for key, value in cards.items():
        hdu.header[key] = value
    hdu.writeto(path(name), overwrite=True)


def set_raw_cards(name, **cards):
    # Adds scaling keywords without rescaling the stored integers: the raw values on disk stay as written.
    with fits.open(path(name), mode="update", do_not_scale_image_data=True) as hdul:
        for key, value in cards.items():
            hdul[0].header[key] = value


# Plain integer and float arrays, one per BITPIX, 5 x 4 (non-square: NAXIS1 = 5, NAXIS2 = 4).
write_primary("bitpix8.fits", rng.integers(0, 256, size=(4, 5)).astype(np.uint8))
write_primary("bitpix16.fits", rng.integers(-32768, 32768, size=(4, 5)).astype(">i2"))
write_primary("bitpix32.fits", rng.integers(-2**31, 2**31, size=(4, 5)).astype(">i4"))
write_primary("bitpix64.fits", rng.integers(-2**52, 2**52, size=(4, 5)).astype(">i8"))
f32 = rng.normal(0, 1e-14, size=(4, 5)).astype(">f4")
f32[1, 2] = np.nan
write_primary("bitpix-32.fits", f32, BUNIT="erg s^-1 cm^-2 arcsec^-2")
write_primary("bitpix-64.fits", rng.normal(20.5, 0.3, size=(4, 5)).astype(">f8"), BUNIT="cm-2")
# astropy writes uint16 as BITPIX 16 with BZERO = 32768 (FITS 4.0 §4.4.2.5, Table 11).
write_primary("uint16.fits", np.array([[0, 1, 32767, 32768, 65535], [40000, 2, 3, 4, 5]], dtype=np.uint16))
# BSCALE/BZERO and BLANK on raw int16.
write_primary("scaled_blank.fits", np.array([[1, 2, -32768], [4, 5, 6]], dtype=">i2"))
set_raw_cards("scaled_blank.fits", BSCALE=0.5, BZERO=10.0, BLANK=-32768, BUNIT="it's scaled")
# A one-plane cube (NAXIS = 3, NAXIS3 = 1), as radio maps are often written.
write_primary("cube1.fits", rng.normal(size=(1, 3, 4)).astype(">f4"))

# Empty primary, a binary table to skip, then two IMAGE extensions.
events = fits.BinTableHDU.from_columns([fits.Column(name="energy", format="E", array=np.arange(7, dtype=np.float32))], name="EVENTS")
sb = fits.ImageHDU(rng.normal(size=(3, 4)).astype(">f4"), name="SB")
noise = fits.ImageHDU(rng.integers(0, 100, size=(2, 6)).astype(">i4"), name="NOISE")
fits.HDUList([fits.PrimaryHDU(), events, sb, noise]).writeto(path("extensions.fits"), overwrite=True)

# TAN with a rotated CD matrix near RA = 0 (the centre must come out in [0, 360)).
h = fits.Header()
h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
h["CRPIX1"], h["CRPIX2"] = 3.0, 2.5
h["CRVAL1"], h["CRVAL2"] = 0.01, -30.0
rot = math.radians(25.0)
scale = 0.2  # deg per pixel: large, so the gnomonic terms matter
h["CD1_1"], h["CD1_2"] = -scale * math.cos(rot), scale * math.sin(rot)
h["CD2_1"], h["CD2_2"] = scale * math.sin(rot), scale * math.cos(rot)
hdu = fits.PrimaryHDU(rng.normal(size=(5, 7)).astype(">f4"), header=h)
hdu.header["BUNIT"] = "cm-2"
hdu.writeto(path("tan_cd.fits"), overwrite=True)

# TAN with CDELT, reference pixel off the centre, at high declination.
h = fits.Header()
h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
h["CRPIX1"], h["CRPIX2"] = 2.0, 3.5
h["CRVAL1"], h["CRVAL2"] = 150.25, 62.5
h["CDELT1"], h["CDELT2"] = -0.5, 0.4
fits.PrimaryHDU(rng.normal(size=(8, 6)).astype(">f4"), header=h).writeto(path("tan_cdelt.fits"), overwrite=True)

# TAN in an IMAGE extension with EXTNAME, behind an empty primary.
h = fits.Header()
h["CTYPE1"], h["CTYPE2"] = "RA---TAN", "DEC--TAN"
h["CRPIX1"], h["CRPIX2"] = 16.5, 16.5
h["CRVAL1"], h["CRVAL2"] = 44.7, 13.6
h["CDELT1"], h["CDELT2"] = -4.0 / 3600, 4.0 / 3600
fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(rng.normal(size=(32, 32)).astype(">f4"), header=h, name="XRAY")]).writeto(path("tan_extension.fits"), overwrite=True)


def first_image(hdul):
    for i, hdu in enumerate(hdul):
        if hdu.is_image and hdu.header.get("NAXIS", 0) > 0:
            return i
    raise SystemExit("no image")


def describe(name, extname=None):
    with fits.open(path(name)) as hdul:
        index = first_image(hdul) if extname is None else hdul.index_of(extname)
        hdu = hdul[index]
        data = np.asarray(hdu.data, dtype=np.float64)
        height, width = data.shape[-2], data.shape[-1]
        pixels = [None if math.isnan(v) else float(v) for v in data.reshape(-1)]
        result = {"hdu": index, "width": width, "height": height, "bitpix": hdu.header["BITPIX"],
                  "bunit": hdu.header.get("BUNIT"), "pixels": pixels, "centre": None, "scale_arcsec": None, "corners": []}
        if "CRVAL1" in hdu.header:
            w = WCS(hdu.header).celestial
            ra, dec = w.pixel_to_world_values((width - 1) / 2.0, (height - 1) / 2.0)
            result["centre"] = [float(ra) % 360.0, float(dec)]
            result["scale_arcsec"] = float(np.sqrt(abs(np.linalg.det(w.pixel_scale_matrix))) * 3600.0)
            for x, y in [(0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1)]:
                cra, cdec = w.pixel_to_world_values(x, y)
                result["corners"].append([x + 1, y + 1, float(cra) % 360.0, float(cdec)])
    # astropy's in-memory header says BITPIX = -32 once it has scaled integers; the file's BITPIX is the raw one.
    with fits.open(path(name), do_not_scale_image_data=True) as raw:
        result["bitpix"] = raw[index].header["BITPIX"]
    return result


names = sorted(n for n in os.listdir(folder) if n.endswith(".fits"))
described = {n: describe(n) for n in names}
described["extensions.fits[NOISE]"] = describe("extensions.fits", "NOISE")
print(json.dumps(described, allow_nan=False))
