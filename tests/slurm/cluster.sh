#!/usr/bin/env bash
# A Slurm cluster on this machine for the Slurm launch tests: a private munged, slurmctld and two slurmd
# "nodes" (n1, n2; both 127.0.0.1), all with their own ports, keys, state and logs in DIR (root only).
#   cluster.sh up DIR      start it; DIR/slurm.conf is the config (export SLURM_CONF=DIR/slurm.conf)
#   cluster.sh down DIR    stop everything `up` started (safe to run twice)
set -euo pipefail
cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 up|down DIR" >&2; exit 2; }

down() {
  for f in "$dir"/slurmd-n1.pid "$dir"/slurmd-n2.pid "$dir"/slurmctld.pid "$dir"/munge/munged.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  for f in "$dir"/*.started; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

if [ "$cmd" = down ]; then
  down
  exit 0
fi
[ "$cmd" = up ] || { echo "usage: $0 up|down DIR" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "cluster.sh: needs root (slurmd)" >&2; exit 3; }
for tool in /usr/sbin/munged /usr/sbin/slurmctld /usr/sbin/slurmd sbatch srun squeue scancel scontrol runuser; do
  command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 3; }
done
mkdir -p "$dir/munge" "$dir/munge-key" "$dir/state" "$dir/spool"
dir="$(cd "$dir" && pwd)"
chmod 0755 "$dir" # munged (as munge) must reach its socket folder inside
trap 'down' ERR
# Ports of our own, in a range other test runs are unlikely to pick.
base=$((20000 + (RANDOM % 400) * 50))
# The socket's folder must be reachable by everyone, the key's by munge alone.
chown munge:munge "$dir/munge" "$dir/munge-key"
chmod 0755 "$dir/munge"
chmod 0700 "$dir/munge-key"
dd if=/dev/urandom bs=1 count=1024 of="$dir/munge-key/munge.key" status=none
chown munge:munge "$dir/munge-key/munge.key"
chmod 0400 "$dir/munge-key/munge.key"
setsid runuser -u munge -- /usr/sbin/munged -F --key-file "$dir/munge-key/munge.key" \
  --socket "$dir/munge/munge.socket" --pid-file "$dir/munge/munged.pid" --log-file "$dir/munge/munged.log" \
  --seed-file "$dir/munge/munged.seed" < /dev/null > "$dir/munge/out.log" 2>&1 &
echo $! > "$dir/munged.started"
cat > "$dir/slurm.conf" <<CONF
ClusterName=trainyard-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SrunPortRange=$((base + 10))-$((base + 40))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd-%n.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdParameters=config_overrides
MpiDefault=none
SchedulerType=sched/backfill
KillWait=5
InactiveLimit=0
MinJobAge=30
NodeName=n[1-2] NodeHostname=localhost NodeAddr=127.0.0.1 Port=$((base + 2))-$((base + 3)) CPUs=2 RealMemory=2000
PartitionName=debug Nodes=n[1-2] Default=YES State=UP OverSubscribe=FORCE:4 MaxTime=60
CONF
export SLURM_CONF="$dir/slurm.conf"
for _ in $(seq 1 100); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.02; done
[ -S "$dir/munge/munge.socket" ] || { echo "cluster.sh: munged did not start:" >&2; cat "$dir/munge/out.log" >&2; down; exit 1; }
setsid /usr/sbin/slurmctld -D -i -f "$SLURM_CONF" < /dev/null > "$dir/slurmctld.out" 2>&1 &
echo $! > "$dir/slurmctld.started"
for n in n1 n2; do
  mkdir -p "$dir/spool/$n"
  setsid /usr/sbin/slurmd -D -N "$n" -f "$SLURM_CONF" < /dev/null > "$dir/slurmd-$n.out" 2>&1 &
  echo $! > "$dir/slurmd-$n.started"
done
# Up when both nodes are idle.
for _ in $(seq 1 100); do
  idle="$(timeout 2 sinfo -h -N -o '%N %t' 2>/dev/null | grep -c idle || true)"
  [ "$idle" = 2 ] && exit 0
  sleep 0.1
done
echo "cluster.sh: the nodes did not come up" >&2
sinfo -N 2>&1 >&2 || true
tail -n 5 "$dir/slurmctld.log" "$dir/slurmd-n1.log" >&2 || true
down
exit 1
