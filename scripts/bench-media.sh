#!/usr/bin/env bash
# Image derivative benchmark: two 12-megapixel JPEGs to three widths, two images in parallel, through our
# libvips seam (`-- media bench`) and through libvips' own vipsthumbnail, on the same files in the same run.
# Prints throughput (derivatives per second) and peak memory for both. Timings depend on machine load; they are
# reported, never asserted. Usage: scripts/bench-media.sh [rounds] [jpg|webp]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
format=${2:-jpg}
widths=(320 960 1920)
say() { echo "bench-media: $*" >&2; }

if ! command -v vipsthumbnail >/dev/null || [[ ! -e /usr/lib/x86_64-linux-gnu/libvips.so.42 && ! -e /usr/lib/aarch64-linux-gnu/libvips.so.42 ]]; then
  (( $(id -u) == 0 )) || { say "needs Debian packages: sudo apt-get install -y libvips42 libvips-tools"; exit 1; }
  say "installing libvips42 and libvips-tools…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips42 libvips-tools >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two photo-like 4000 × 3000 JPEGs (smooth noise over a gradient; different noise, so different files).
for name in a b; do
  vips gaussnoise "$work/n.v" 4000 3000 --mean 128 --sigma 45
  vips gaussblur "$work/n.v" "$work/s.v" 1.5
  vips xyz "$work/xyz.v" 4000 3000
  vips extract_band "$work/xyz.v" "$work/x.v" 0
  vips linear "$work/x.v" "$work/g.v" 0.03 0
  vips add "$work/s.v" "$work/g.v" "$work/r.v"
  vips bandjoin "$work/r.v $work/s.v $work/r.v" "$work/rgb.v"
  vips cast "$work/rgb.v" "$work/u.v" uchar
  vips jpegsave "$work/u.v" "$work/$name.jpg" --Q 90
  rm -f "$work"/*.v
done
say "inputs: $(vipsheader "$work/a.jpg") ($(du -k "$work/a.jpg" | cut -f1) kB), $(vipsheader "$work/b.jpg") ($(du -k "$work/b.jpg" | cut -f1) kB)"
say "load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

say "building…"
dotnet build src/KnowledgePlatform.Web -c Release -warnaserror -v q -nologo >/dev/null
dll=src/KnowledgePlatform.Web/bin/Release/net10.0/KnowledgePlatform.Web.dll

# Ours: the same IImageProcessor the site uses (vips_thumbnail from the file, then jpegsave/webpsave to a file).
ours=$(dotnet "$dll" media bench --Storage:DataPath="$work/data" --MediaBench:Files="$work/a.jpg,$work/b.jpg" \
  --MediaBench:Widths="$(IFS=,; echo "${widths[*]}")" --MediaBench:Rounds="$rounds" --MediaBench:Parallel=2 --MediaBench:Format="$format" \
  --Logging:LogLevel:Default=Warning | grep '^ours:')
echo "$ours"

# vipsthumbnail: one process per image and width (it takes one size per run), two at a time; same save options.
mkdir -p "$work/out"
save="[Q=80,strip]"
[[ $format == jpg ]] && save="[Q=80,strip,interlace,optimize_coding]"
jobs_file="$work/jobs"
: > "$jobs_file"
for ((r = 0; r < rounds; r++)); do
  for w in "${widths[@]}"; do
    printf '%s %s\n' "$work/a.jpg" "$w" "$work/b.jpg" "$w" >> "$jobs_file"
  done
done
start=$(date +%s.%N)
xargs -P 2 -L 1 sh -c '/usr/bin/time -f "%M" -a -o "$0/rss" vipsthumbnail "$1" -s "$2"x -o "$0/out/%s_$2.'"$format$save"'"' "$work" < "$jobs_file"
end=$(date +%s.%N)
count=$(wc -l < "$jobs_file")
peak=$(sort -n "$work/rss" | tail -1)
startup=$( { /usr/bin/time -f "%e" vipsthumbnail --vips-version >/dev/null; } 2>&1 | tail -1)
theirs=$(awk -v c="$count" -v s="$start" -v e="$end" -v p="$peak" -v f="$format" \
  'BEGIN { printf "vipsthumbnail: %d derivatives (%s, 2 processes in parallel) in %.2f s = %.1f/s; peak RSS per process %.0f MB (two run at once: at most %.0f MB)", c, f, e - s, c / (e - s), p / 1024, 2 * p / 1024 }')
echo "$theirs (process start-up ${startup} s each is included)"

ours_rate=$(echo "$ours" | sed -E 's/.* = ([0-9.]+)\/s.*/\1/')
theirs_rate=$(echo "$theirs" | sed -E 's/.* = ([0-9.]+)\/s.*/\1/')
ours_peak=$(echo "$ours" | sed -E 's/.*peak RSS ([0-9]+) MB.*/\1/')
awk -v o="$ours_rate" -v t="$theirs_rate" -v m="$ours_peak" 'BEGIN {
  printf "ratio: ours/vipsthumbnail throughput = %.2f (target >= 0.5); our peak RSS %d MB (target < 512)\n", o / t, m }'
