// The processes a command started, read from /proc: its process group (when it leads one) and every descendant,
// and how to stop them all: SIGTERM, then SIGKILL to whatever is left after a grace period.
import { readFileSync, readdirSync } from 'node:fs';

/** Every live process (zombies left out) as { pid, ppid, pgid, command }. */
function allProcesses() {
  const processes = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may contain spaces; state, ppid and pgrp follow it.
      const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      processes.push({ pid: Number(entry), ppid: Number(ppid), pgid: Number(pgid), command: cmdline || `[${name}]` });
    } catch {
      // gone meanwhile
    }
  }
  return processes;
}

/** `pid` (while alive), its descendants, and the members of process group `pid` that have left the tree. */
export function processTree(pid) {
  const processes = allProcesses();
  const found = new Map();
  const queue = processes.filter((p) => p.pid === pid || p.pgid === pid);
  while (queue.length > 0) {
    const current = queue.shift();
    if (found.has(current.pid)) continue;
    found.set(current.pid, current);
    queue.push(...processes.filter((p) => p.ppid === current.pid));
  }
  return [...found.values()].sort((a, b) => a.pid - b.pid);
}

/** One line per process, as `ps -o pid,ppid,args` shows them. */
export function describeProcesses(processes) {
  return processes.map((p) => `${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)}  ${p.command.slice(0, 200)}`);
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Stops `pid`, its process group if it leads one, and all its descendants: SIGTERM, then SIGKILL after graceMs. */
export async function stopProcessTree(pid, graceMs = 5_000) {
  if (!pid) return;
  const tree = processTree(pid);
  const leadsGroup = tree.some((p) => p.pgid === pid);
  const targets = tree.map((p) => p.pid);
  if (leadsGroup) signal(-pid, 'SIGTERM');
  for (const target of targets) signal(target, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  const anyAlive = () => {
    const alive = new Set(allProcesses().map((p) => p.pid));
    return targets.some((target) => alive.has(target));
  };
  while (Date.now() < deadline && anyAlive()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Processes may have started more processes while shutting down.
  if (leadsGroup) signal(-pid, 'SIGKILL');
  for (const target of [...targets, ...processTree(pid).map((p) => p.pid)]) signal(target, 'SIGKILL');
}
