#!/bin/sh
# Writes name.gz next to every text file in the folder given, for nginx's gzip_static (publish/nginx.conf): the
# server then sends a file compressed once at the best level instead of compressing on every request.
# -n keeps the file name and time out of the .gz, so two builds of the same commit give the same bytes; gzip gives
# the .gz its original's time, as nginx's docs ask. -f replaces the .gz of an earlier run.
set -eu
find "$1" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.json' -o -name '*.csv' \
  -o -name '*.svg' -o -name '*.xml' -o -name '*.txt' -o -name '*.map' \) -exec gzip -9 -n -k -f {} +
