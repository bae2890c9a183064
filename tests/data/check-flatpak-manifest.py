#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest offline: flatpak-builder must read it without a
# warning (it rejects unknown keys and wrong types), and the sandbox must
# stay as narrow as intended. flatpak-builder leaves .flatpak-builder/ in
# the current folder, so it runs in a temporary one.

import json
import os
import subprocess
import sys
import tempfile

EXPECTED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}


def show_manifest(path):
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    with tempfile.TemporaryDirectory() as work:
        result = subprocess.run(["flatpak-builder", "--show-manifest", path],
                                cwd=work, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"flatpak-builder rejected {path}:\n{result.stderr}")
    return json.loads(result.stdout)


def check(manifest):
    problems = []
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append("the runtime is not org.gnome.Platform")
    if int(manifest.get("runtime-version", "0")) < 47:
        problems.append("the GNOME runtime is older than 47")
    if set(manifest.get("finish-args", [])) != EXPECTED_FINISH_ARGS:
        problems.append(f"finish-args are {manifest.get('finish-args')}")

    modules = {m["name"]: m for m in manifest.get("modules", [])}
    gsl_sources = modules.get("gsl", {}).get("sources", [])
    if not any(len(s.get("sha256", "")) == 64 for s in gsl_sources):
        problems.append("GSL is not built from a checksummed archive")
    if manifest.get("command") != "plateau" or "plateau" not in modules:
        problems.append("the manifest does not build and run plateau")
    return problems


def main():
    path = os.path.abspath(sys.argv[1])
    problems = check(show_manifest(path))
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
