#!/usr/bin/env bash
# A nightly job: draft the day's export, then audit the drafts; exit non-zero when a
# person must look (cron mails a failing job's output, or your scheduler alerts).
#
#   nightly.sh EXPORT.csv PROFILE.toml OUTDIR
#
# crontab (weekdays at 6:30; sprep installed in /opt/sprep/venv):
#   30 6 * * 1-5  PATH=/opt/sprep/venv/bin:/usr/bin:/bin /opt/sprep/nightly.sh /data/export.csv /etc/sprep/profile.toml /data/drafts >>/var/log/sprep-nightly.log 2>&1
set -euo pipefail

export_csv=${1:?usage: nightly.sh EXPORT.csv PROFILE.toml OUTDIR}
profile=${2:?usage: nightly.sh EXPORT.csv PROFILE.toml OUTDIR}
outdir=${3:?usage: nightly.sh EXPORT.csv PROFILE.toml OUTDIR}
day=$(date +%F)
mkdir -p "$outdir"

# Drafts for Excel (UTF-8 with BOM, ';'). Rejected rows go to the rejects file and do not
# stop the job (--accept-rejects); a warning does (--fail-on-warning, exit 5): no profile
# read, or a profile section that matches no structure of the export (a typo).
sprep draft "$export_csv" --profile "$profile" -o "$outdir/drafts-$day.csv" \
  --rejects "$outdir/rejects-$day.jsonl" --excel --accept-rejects --fail-on-warning --quiet

# The audit, as JSON for a dashboard: it fails only if the check itself cannot run.
sprep check --jsonl "$outdir/drafts-$day.csv" --field body --id-field id --closing-added \
  --format json --exit-zero >"$outdir/audit-$day.json"

echo "sprep nightly $day: drafts, rejects and audit in $outdir"
