#!/usr/bin/env bash
# Test machines for multi-machine launches: Linux network namespaces on a private bridge, each with its own
# hostname and its own OpenSSH server on port 22 with key-only login (root, as CI runs).
#   machines.sh up DIR N     start m1..mN; writes DIR/ssh_config (Host m1..mN, plus "refused": m1 on a port
#                            nothing listens on, and "wrongkey": m1 with a known_hosts entry of another key)
#   machines.sh down DIR     stop them and remove everything `up` made (safe to run twice)
# The namespaces share this machine's file system and process table, so the same programs run everywhere.
set -euo pipefail
cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 up DIR N | down DIR" >&2; exit 2; }

down() {
  [ -f "$dir/prefix" ] || return 0
  local prefix; prefix="$(cat "$dir/prefix")"
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^${prefix}m" || true); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  for link in $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^${prefix}" || true); do
    ip link del "$link" 2>/dev/null || true
  done
  rm -f "$dir/prefix"
}

if [ "$cmd" = down ]; then
  down
  exit 0
fi
[ "$cmd" = up ] || { echo "usage: $0 up DIR N | down DIR" >&2; exit 2; }
n="${3:-3}"
[ "$(id -u)" -eq 0 ] || { echo "machines.sh: needs root (network namespaces)" >&2; exit 3; }
for tool in ip unshare ssh ssh-keygen /usr/sbin/sshd; do
  command -v "$tool" >/dev/null || { echo "machines.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 3; }
done
mkdir -p "$dir" /run/sshd
# Names and a subnet of our own: several test runs may share the machine.
prefix="ty$(printf '%04x' $((RANDOM % 65536)))"
subnet=""
for _ in $(seq 1 50); do
  x=$((RANDOM % 200 + 20))
  if ! ip route show | grep "^10\.231\.$x\." >/dev/null; then subnet="10.231.$x"; break; fi
done
[ -n "$subnet" ] || { echo "machines.sh: no free 10.231.x.0/24 subnet" >&2; exit 3; }
echo "$prefix" > "$dir/prefix"
trap 'down' ERR

ip link add "${prefix}br" type bridge
ip addr add "$subnet.1/24" dev "${prefix}br"
ip link set "${prefix}br" up

rm -f "$dir/id_ed25519" "$dir/id_ed25519.pub"
ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519"
cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
: > "$dir/known_hosts"
: > "$dir/ssh_config"
for i in $(seq 1 "$n"); do
  ns="${prefix}m$i"
  m="$dir/m$i"
  mkdir -p "$m"
  ip netns add "$ns"
  ip link add "${ns}h" type veth peer name eth0 netns "$ns"
  ip link set "${ns}h" master "${prefix}br" up
  ip -n "$ns" addr add "$subnet.$((10 + i))/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  rm -f "$m/hostkey" "$m/hostkey.pub"
  ssh-keygen -q -t ed25519 -N '' -f "$m/hostkey"
  cat > "$m/sshd_config" <<CONF
Port 22
ListenAddress 0.0.0.0
HostKey $m/hostkey
PidFile $m/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
AllowTcpForwarding yes
LogLevel ERROR
CONF
  echo "$subnet.$((10 + i)) $(cut -d' ' -f1-2 "$m/hostkey.pub")" >> "$dir/known_hosts"
  printf 'Host m%s\n  HostName %s\n' "$i" "$subnet.$((10 + i))" >> "$dir/ssh_config"
  setsid ip netns exec "$ns" unshare --uts sh -c "hostname m$i; exec /usr/sbin/sshd -D -e -f $m/sshd_config" \
    < /dev/null > "$m/sshd.log" 2>&1 &
done
# m1's address with another machine's key on record: the client must refuse it.
echo "wrongkey $(cut -d' ' -f1-2 "$dir/m$n/hostkey.pub")" >> "$dir/known_hosts"
cat >> "$dir/ssh_config" <<CONF
Host refused
  HostName $subnet.11
  Port 2
Host wrongkey
  HostName $subnet.11
  HostKeyAlias wrongkey
Host *
  User root
  IdentityFile $dir/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 3
  LogLevel ERROR
CONF
echo "$subnet" > "$dir/subnet"
# Ready when every server answers.
for i in $(seq 1 "$n"); do
  for _ in $(seq 1 100); do
    ssh -F "$dir/ssh_config" "m$i" true 2>/dev/null && break
    sleep 0.05
  done
  ssh -F "$dir/ssh_config" "m$i" true || { echo "machines.sh: m$i does not answer" >&2; cat "$dir/m$i/sshd.log" >&2; down; exit 1; }
done
