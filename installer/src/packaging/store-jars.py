#!/usr/bin/env python3
"""Rewrites every jar under a directory with STORED (uncompressed) entries, byte-for-byte otherwise (order,
names, contents, so signed jars stay valid). Used for the .deb payload: xz compresses raw class files far
better than it can compress already-deflated jars."""
import pathlib
import sys
import zipfile

for jar in pathlib.Path(sys.argv[1]).rglob("*.jar"):
    tmp = jar.with_suffix(".stored")
    with zipfile.ZipFile(jar) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info)
            info.compress_type = zipfile.ZIP_STORED
            dst.writestr(info, data)
    tmp.replace(jar)
