#!/bin/sh
# Install the Debian 12 packages quoted needs to build, test and run, if any
# are missing. Uses apt-get directly as root, through sudo otherwise.
set -eu
pkgs="build-essential cmake pkg-config clang gzip util-linux
libevent-dev libcurl4-openssl-dev libpq-dev libxml2-dev libxml2-utils libjson-c-dev
libinih-dev libsystemd-dev libssl-dev libgoogle-perftools-dev zlib1g-dev time curl postgresql postgresql-contrib postgresql-client"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
