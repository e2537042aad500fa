# Sourced by check-pristine.sh and check-torch2.sh: a minimal Debian system in a folder, and commands run in it.
#   debian_root SUITE DIR    debootstrap --variant=minbase SUITE into DIR/root, with the suite's updates and
#                            security archives in its sources (needs root and Debian's archive;
#                            TRAINYARD_DEBIAN_MIRROR picks the mirror)
#   in_root DIR COMMAND      runs COMMAND (a bash script) as root in DIR/root with /proc, /sys, /dev and a fresh
#                            /tmp mounted, in a mount namespace of its own: the mounts go away with it, whatever
#                            happens inside
debian_root() {
  local suite="$1" dir="$2"
  local mirror="${TRAINYARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  [ "$(id -u)" -eq 0 ] || { echo "debian-root: needs root (debootstrap and chroot)" >&2; return 1; }
  command -v debootstrap >/dev/null || { echo "debian-root: debootstrap is missing (scripts/install-deps.sh)" >&2; return 1; }
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "debian-root: debootstrap --variant=minbase $suite into $dir/root"
  debootstrap --variant=minbase "$suite" "$dir/root" "$mirror" >"$dir/debootstrap.log" 2>&1 ||
    { tail -20 "$dir/debootstrap.log" >&2; echo "debian-root: debootstrap $suite failed" >&2; return 1; }
  local security="${mirror%/debian}/debian-security"
  cat >"$dir/root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
  cp /etc/resolv.conf "$dir/root/etc/resolv.conf"
}

in_root() {
  local dir="$1" script="$2"
  unshare --mount --propagation private --fork bash -euo pipefail -c '
    sysroot="$1"
    mount -t proc proc "$sysroot/proc"
    mount -t sysfs sysfs "$sysroot/sys"
    mount --rbind /dev "$sysroot/dev"
    mount -t tmpfs tmpfs "$sysroot/tmp"
    chroot "$sysroot" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive /bin/bash -euo pipefail -c "$2"
  ' _ "$dir/root" "$script"
}
