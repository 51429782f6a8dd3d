#!/usr/bin/env python3
"""Classifies the JFR execution samples of one racedet run by the engine cause they belong to.

Used by bench/profile.sh; not meant to be run alone, but it can be:

  analyze.py report --name N --size S --jfr F.jfr --gc F.gc.log --agent-time A.time --plain-time P.time
                    [--score-regex R --plain-out P.out --agent-out A.out] --txt OUT.txt --json OUT.json
  analyze.py table  --profiles DIR --out PROFILES.md [--command CMD]

`report` writes a text report (categories, top methods, GC, wall/CPU/RSS) and a JSON summary;
`table` rebuilds bench/PROFILES.md from the latest JSON summary of every workload under DIR/*/.

A sample belongs to the innermost racedet frame (dev.racedet.*) of its stack; JDK frames above it
(ThreadLocal.get, ConcurrentHashMap, ...) are racedet's cost too. A sample without a racedet frame
is "program". The category follows the frame, or, for shared engine code (Detector, VarState,
VectorClock, Threads, ...), the innermost hook entry point (FieldHooks.read, MonitorHooks, ...)
under it, because the same engine method serves several causes.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter

RACEDET = "dev.racedet."
CATEGORIES = ["context", "field-fast", "field-slow", "first-access", "shadow-lookup", "event-history", "array", "monitor",
              "volatile/atomic", "thread", "collections", "class-init/statics", "jdk-fields",
              "report", "transform", "other-racedet", "program"]

# Where shadow state is found or created: side tables, shadow fields, per-class memos.
SHADOW = {"Shadows", "ShadowFields", "ShadowLinks", "ObjectShadow", "WeakIdentityTable", "ClassMemo",
          "RawReferences", "FieldLayouts", "FieldOffsets", "StateArray", "HookStateArray", "IdLinks"}
# Methods that create and install state: a first access of a field, object, location or monitor.
INSTALL = {("Detector", "firstAccess"), ("Shadows", "installFirst"), ("ShadowFields", "install"),
           ("Shadows", "newObjectShadow"), ("Shadows", "newSyncClock"), ("ObjectShadow", "addVar"),
           ("ObjectShadow", "addLocation"), ("ObjectShadow", "<init>"), ("VarState", "<init>"),
           ("SyncClock", "<init>"), ("WeakIdentityTable", "put"), ("WeakIdentityTable", "grow"),
           ("StateArray", "create"), ("HookStateArray", "create")}
REPORT = {"RaceReporter", "ReportOutput", "JsonFile", "JsonRefresher", "DetachReports"}
ARRAY = {"ArrayHooks", "ArrayCache", "ArrayShadow", "ArrayShadows", "ElementChunk"}
# FastTrack's same-epoch test inlined into the access site (FieldHooks.read/write with a state and a
# thread): a sample in the hook or these methods only is the fast path; anything else under
# FieldHooks.read/write (FieldHooks.access, the thread lookup, Detector.read/readSlow, VectorClock)
# is the full path.
FAST = {("FieldHooks", "read"), ("FieldHooks", "write"), ("VarState", "readIsCurrent"),
        ("VarState", "writeIsCurrent")}


def split_frame(line):
    """'a.b.C$D.m(int, Object) line: 12' -> ('a.b.C$D', 'm')."""
    head = line.split("(", 1)[0].strip()
    cls, _, meth = head.rpartition(".")
    return cls, meth


def simple(cls):
    return cls.rsplit(".", 1)[-1].split("$", 1)[0]


def matches(rules, cls, meth):
    s = simple(cls)
    return (s, None) in rules or (s, meth) in rules


def hook_category(cls, meth, inner):
    """The category of a hook entry frame; inner = racedet frames above it (innermost first)."""
    s = simple(cls)
    if s == "ContextHooks":
        return "context"
    if s in ARRAY:
        return "array"
    if s == "MonitorHooks":
        return "monitor"
    if s == "AtomicHooks":
        return "volatile/atomic"
    if s == "ThreadHooks":
        return "thread"
    if s == "FieldHooks":
        if meth.startswith(("volatile", "jdkVolatile", "varHandle", "unsafe", "optimistic", "validate")):
            return "volatile/atomic"
        if meth.startswith(("collection",)):
            return "collections"
        if meth in ("readStatic", "writeStatic", "staticAccess", "classInitialized", "classUse", "useClass"):
            return "class-init/statics"
        if meth.startswith("jdk"):
            return "jdk-fields"
        return "field-fast" if all(matches(FAST, c, m) for c, m in inner) else "field-slow"
    return None


def hook_frames_above(rd):
    """The racedet frames above (inner to) the innermost hook entry frame, that frame included."""
    for i, (c, _) in enumerate(rd):
        if simple(c).endswith("Hooks"):
            return rd[:i + 1]
    return rd


def classify(frames):
    """frames: (class, method) innermost first. Returns (category, innermost racedet 'C.m' or None)."""
    rd = [(c, m) for c, m in frames if c.startswith(RACEDET)]
    if not rd:
        return "program", None
    c0, m0 = rd[0]
    top = simple(c0) + "." + m0
    if any(c.startswith(RACEDET + "agent.") or c.startswith(RACEDET + "shaded.") for c, _ in rd):
        return "transform", top
    if simple(c0) in REPORT or c0.startswith(RACEDET + "runtime.report.") or c0.startswith(RACEDET + "runtime.triage."):
        return "report", top
    below = hook_frames_above(rd)
    if any(matches(INSTALL, c, m) for c, m in below):
        return "first-access", top
    if simple(c0) in SHADOW:
        return "shadow-lookup", top
    if simple(c0) == "RecentEvents":
        return "event-history", top
    for i, (c, m) in enumerate(rd):
        cat = hook_category(c, m, rd[:i])
        if cat:
            return cat, top
    # No hook entry on the stack: engine code reached another way (thread exit, class init, ...).
    s = simple(c0)
    if s in ("SyncEvents", "SyncClock", "LocationCache"):
        return "volatile/atomic", top
    if s == "HeldLocks":
        return "monitor", top
    return "other-racedet", top


def thread_lookup(frames):
    """1 when the sample is in the thread-state lookup (Threads.*, ContextHooks.thread and the
    ThreadLocal code under them), whatever hook it serves: a cost that cuts across categories."""
    for c, m in frames:
        if c.startswith(RACEDET):
            return int(simple(c) == "Threads" or (simple(c) == "ContextHooks" and m == "thread"))
    return 0


def samples(jfr_file):
    """Yields each execution sample's frames, innermost first, streamed from `jfr print`."""
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", jfr_file],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    frames, in_stack = [], False
    for line in proc.stdout:
        t = line.strip()
        if t.startswith("stackTrace = ["):
            frames, in_stack = [], True
        elif in_stack and t == "]":
            in_stack = False
            yield frames
        elif in_stack and t != "...":
            frames.append(split_frame(t))
    proc.wait()


def gc_pause_s(gc_log):
    """Sum of the stop-the-world pauses of a -Xlog:gc log (concurrent phases are not pauses)."""
    total = 0.0
    pat = re.compile(r"Pause .* ([0-9.]+)ms\s*$")
    try:
        with open(gc_log) as f:
            for line in f:
                mt = pat.search(line)
                if mt:
                    total += float(mt.group(1))
    except OSError:
        return None
    return total / 1000.0


def read_time(path):
    """GNU time output written by profile.sh: 'wall user sys maxrss_kb exit' on the last line."""
    try:
        with open(path) as f:
            last = [l for l in f.read().splitlines() if l.strip()][-1].split()
        wall, user, sysc, rss = float(last[0]), float(last[1]), float(last[2]), int(last[3])
        return {"wallS": wall, "cpuS": user + sysc, "rssMb": rss / 1024.0, "exit": int(last[4])}
    except (OSError, IndexError, ValueError):
        return None


def last_score(regex, out_file):
    if not regex or not out_file or not os.path.exists(out_file):
        return None
    pat, val = re.compile(regex), None
    with open(out_file, errors="replace") as f:
        for line in f:
            mt = pat.search(line)
            if mt:
                val = float(mt.group(1).replace(",", "").replace("_", ""))
    return val


def pct(n, total):
    return 100.0 * n / total if total else 0.0


def report(a):
    cats, top_rd, top_prog, total, lookup = Counter(), Counter(), Counter(), 0, 0
    for frames in samples(a.jfr):
        if not frames:
            continue
        total += 1
        cat, top = classify(frames)
        lookup += thread_lookup(frames)
        cats[cat] += 1
        if top:
            top_rd[top] += 1
        else:
            c, m = frames[0]
            top_prog[c + "." + m] += 1
    agent, plain = read_time(a.agent_time), read_time(a.plain_time)
    gc = gc_pause_s(a.gc)
    ps, rs = last_score(a.score_regex, a.plain_out), last_score(a.score_regex, a.agent_out)
    if ps and rs:
        slowdown, basis = ps / rs, "score"
    elif agent and plain and plain["wallS"] > 0:
        slowdown, basis = agent["wallS"] / plain["wallS"], "wall"
    else:
        slowdown, basis = None, None
    summary = {
        "name": a.name, "size": a.size, "java": a.java_line, "utc": a.utc, "commit": a.commit,
        "samples": total, "threadLookup": lookup, "categories": {c: cats[c] for c in CATEGORIES if cats[c]},
        "topRacedet": top_rd.most_common(10), "topProgram": top_prog.most_common(10),
        "gcPauseS": gc, "agent": agent, "plain": plain, "slowdown": slowdown, "slowdownBasis": basis,
        "plainScore": ps, "agentScore": rs,
    }
    summary["gcShare"] = gc / agent["wallS"] if gc is not None and agent and agent["wallS"] else None
    with open(a.json, "w") as f:
        json.dump(summary, f, indent=1)
    with open(a.txt, "w") as f:
        f.write(render_text(summary))
    if not getattr(a, "quiet", False):
        sys.stdout.write(render_text(summary))


def fmt(v, spec=".2f", none="-"):
    return none if v is None else format(v, spec)


def render_text(s):
    out = [f"racedet profile: {s['name']} ({s['size']} size), {s['utc']}, racedet {s['commit']}",
           f"java line: {s['java']}", ""]
    a, p = s["agent"] or {}, s["plain"] or {}
    out.append(f"plain:   wall {fmt(p.get('wallS'))} s  cpu {fmt(p.get('cpuS'))} s  rss {fmt(p.get('rssMb'), '.0f')} MB  exit {p.get('exit', '-')}")
    out.append(f"racedet: wall {fmt(a.get('wallS'))} s  cpu {fmt(a.get('cpuS'))} s  rss {fmt(a.get('rssMb'), '.0f')} MB  exit {a.get('exit', '-')}  (with JFR)")
    if s["slowdownBasis"] == "score":
        out.append(f"slowdown: {fmt(s['slowdown'])}x (score: plain {s['plainScore']} / racedet {s['agentScore']})")
    else:
        out.append(f"slowdown: {fmt(s['slowdown'])}x (wall)")
    if a.get("rssMb") and p.get("rssMb"):
        out.append(f"memory ratio: {a['rssMb'] / p['rssMb']:.2f}x")
    out.append(f"GC pauses: {fmt(s['gcPauseS'])} s = {fmt(None if s['gcShare'] is None else 100 * s['gcShare'], '.1f')}% of racedet wall")
    out += ["", f"execution samples: {s['samples']}", "", f"{'category':<20} {'samples':>8} {'share':>7}"]
    for c in CATEGORIES:
        n = s["categories"].get(c, 0)
        if n:
            out.append(f"{c:<20} {n:>8} {pct(n, s['samples']):>6.1f}%")
    tl = s.get("threadLookup", 0)
    out += ["", f"across categories: thread-state lookup (Threads.*, ContextHooks.thread, ThreadLocal): {tl} samples, {pct(tl, s['samples']):.1f}%"]
    out += ["", "top innermost racedet methods:"]
    out += [f"  {n:>7} {pct(n, s['samples']):>5.1f}%  {m}" for m, n in s["topRacedet"]]
    out += ["", "top program methods (samples with no racedet frame, innermost frame):"]
    out += [f"  {n:>7} {pct(n, s['samples']):>5.1f}%  {m}" for m, n in s["topProgram"]]
    return "\n".join(out) + "\n"


def top_cats(s, k=3):
    cats = sorted(s["categories"].items(), key=lambda kv: -kv[1])[:k]
    return ", ".join(f"{c} {pct(n, s['samples']):.0f}%" for c, n in cats)


def reason(s):
    """A factual paragraph from the numbers: what dominates the racedet run."""
    n = s["samples"]
    if not n:
        return "No execution samples were recorded (the run failed or was too short)."
    share = {c: pct(v, n) for c, v in s["categories"].items()}
    prog = share.get("program", 0.0)
    cats = sorted(((c, v) for c, v in share.items() if c != "program"), key=lambda kv: -kv[1])
    parts = [f"{100 - prog:.0f}% of the execution samples are in racedet (program code: {prog:.0f}%)."]
    if cats:
        c, v = cats[0]
        parts.append(f"The largest racedet cause is {c} ({v:.0f}%)" +
                     (f", then {cats[1][0]} ({cats[1][1]:.0f}%)" if len(cats) > 1 and cats[1][1] >= 3 else "") + ".")
    if s["topRacedet"]:
        hot = ", ".join(f"`{m}` {pct(k, n):.0f}%" for m, k in s["topRacedet"][:3])
        parts.append(f"Hottest racedet methods (innermost frame): {hot}.")
    tl = pct(s.get("threadLookup", 0), n)
    if tl >= 5:
        parts.append(f"Looking up the thread's state (Threads.*/ThreadLocal, in any hook) is {tl:.0f}% of the samples.")
    if s.get("gcShare") is not None and s["gcShare"] >= 0.05:
        parts.append(f"GC pauses take {100 * s['gcShare']:.0f}% of the racedet wall time.")
    a, p = s.get("agent") or {}, s.get("plain") or {}
    if a.get("wallS") and a.get("cpuS") and a["cpuS"] < 0.8 * a["wallS"]:
        parts.append(f"CPU time ({a['cpuS']:.1f} s) is well below wall ({a['wallS']:.1f} s) on 2 cores: part of the time is waiting (locks, blocking), which samples do not show.")
    if a.get("rssMb") and p.get("rssMb"):
        parts.append(f"Peak RSS {a['rssMb']:.0f} MB vs {p['rssMb']:.0f} MB plain ({a['rssMb'] / p['rssMb']:.1f}x).")
    if a.get("exit") not in (0, None):
        parts.append(f"**The racedet run exited with {a['exit']}**: the profile covers a failed run.")
    return " ".join(parts)


def table(a):
    latest = {}
    for path in sorted(glob.glob(os.path.join(a.profiles, "*", "*.json"))):
        with open(path) as f:
            s = json.load(f)
        s["_txt"] = os.path.relpath(path[:-5] + ".txt", os.path.dirname(os.path.abspath(a.out)))
        latest[s["name"]] = s  # directories sort by UTC: the last one wins
    order = [n for n in a.order.split() if n in latest] + sorted(set(latest) - set(a.order.split()))
    out = ["# Where racedet's time goes, per workload", "",
           "Generated by `bench/profile.sh` (do not edit by hand; rerun it). Each workload ran once without",
           "racedet and once with it, at the size in the *size* column (`reduced`: the block's `profile` line,",
           "a smaller input than the benchmark's `java` line; `full`: the `java` line), with JFR",
           "(`settings=profile`, `-XX:+DebugNonSafepoints` so inlined code is attributed to its own method) and a GC log. Every JFR execution sample is classified by the innermost",
           "racedet frame on its stack (JDK frames above it count for it; shared engine code counts for the",
           "hook under it); `program` = no racedet frame. The slowdown is this one run's (with JFR on), not",
           "the benchmark's median, and the machine (2 cores) was shared with other work while it ran: the",
           "shares matter more than the absolute times. Samples are taken only from threads running Java",
           "code: time spent blocked or waiting is not in the shares (compare CPU and wall in the report).", ""]
    if a.command:
        out += [f"Command: `{a.command}`", ""]
    out += ["| workload | size | plain (s) | racedet (s) | slowdown | RSS ratio | GC share | top 3 categories (share of samples) | thread lookup | samples | racedet commit |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for n in order:
        s = latest[n]
        p, r = s.get("plain") or {}, s.get("agent") or {}
        sd = fmt(s["slowdown"]) + "x" + (" ‡" if s["slowdownBasis"] == "score" else "") if s["slowdown"] else "-"
        gc = "-" if s.get("gcShare") is None else f"{100 * s['gcShare']:.1f}%"
        bad = [f"{m} exit {x['exit']}" for m, x in (("plain", p), ("racedet", r)) if x.get("exit") not in (0, None)]
        if bad:
            sd += " **(" + ", ".join(bad) + ")**"
        mem = f"{r['rssMb'] / p['rssMb']:.2f}x" if r.get("rssMb") and p.get("rssMb") else "-"
        tl = f"{pct(s.get('threadLookup', 0), s['samples']):.0f}%" if s["samples"] else "-"
        out.append(f"| [{n}]({s['_txt']}) | {s['size']} | {fmt(p.get('wallS'))} | {fmt(r.get('wallS'))} | {sd} | {mem} | {gc} | {top_cats(s)} | {tl} | {s['samples']} | `{s['commit']}` |")
    out += ["", "‡ slowdown from the program's score (plain score / racedet score), not wall time. RSS ratio: peak RSS",
            "with racedet (and JFR) / without. Thread lookup: samples in `Threads.*`/`ContextHooks.thread`/`ThreadLocal`,",
            "whatever hook they serve (they are also counted in their category).", "",
            "Categories: `context` ContextHooks (per-method calling contexts); `field-fast` FieldHooks.read/write's",
            "inlined same-epoch test (`VarState.readIsCurrent/writeIsCurrent`); `field-slow` the rest under",
            "FieldHooks.read/write (`FieldHooks.access`, the thread lookup, `Detector.read/readSlow`, `VectorClock`);",
            "`first-access` creating and installing state (`Detector.firstAccess`, `Shadows.installFirst`,",
            "`ShadowFields.install`, `ObjectShadow.addVar`, `VarState.<init>`, side-table puts); `shadow-lookup`",
            "finding existing state (`WeakIdentityTable`, `ObjectShadow.find`, `Shadows`, `ShadowFields`, `ClassMemo`);",
            "`event-history` `RecentEvents` (the per-thread event timeline kept for reports); `array` ArrayHooks and",
            "array shadows (`ArrayCache`, `ArrayShadow`, `ElementChunk`); `monitor`",
            "MonitorHooks/HeldLocks; `volatile/atomic` volatile field hooks, AtomicHooks, VarHandle/Unsafe hooks,",
            "SyncEvents/SyncClock; `thread` ThreadHooks; `collections` collection call checks;",
            "`class-init/statics` static field and class-use hooks; `jdk-fields` checked JDK fields;",
            "`report` race reports and their output; `transform` the agent's class transformation (ByteBuddy); `other-racedet`",
            "any other racedet frame.", "", "## Reasons", ""]
    for n in order:
        s = latest[n]
        out += [f"### {n}", "", reason(s), ""]
    with open(a.out, "w") as f:
        f.write("\n".join(out))


def reanalyze(a):
    """Classifies the kept recordings of a profiles directory again (after changing the rules)."""
    for path in sorted(glob.glob(os.path.join(a.dir, "*.json"))):
        with open(path) as f:
            old = json.load(f)
        raw = os.path.join(a.dir, "raw", old["name"])
        if not os.path.exists(os.path.join(raw, "agent.jfr")):
            print(f"{old['name']}: no recording in {raw}, kept as it is", file=sys.stderr)
            continue
        ns = argparse.Namespace(name=old["name"], size=old["size"], java_line=old["java"], utc=old["utc"],
                                commit=old["commit"], jfr=os.path.join(raw, "agent.jfr"),
                                gc=os.path.join(raw, "agent.gc.log"), agent_time=os.path.join(raw, "agent.time"),
                                plain_time=os.path.join(raw, "plain.time"), score_regex=a.score.get(old["name"]),
                                plain_out=os.path.join(raw, "plain.out"), agent_out=os.path.join(raw, "agent.out"),
                                txt=path[:-5] + ".txt", json=path, quiet=True)
        report(ns)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    for k in ("name", "size", "jfr", "gc", "agent-time", "plain-time", "txt", "json"):
        r.add_argument("--" + k, required=True)
    for k in ("score-regex", "plain-out", "agent-out", "java-line", "utc", "commit"):
        r.add_argument("--" + k, default=None)
    t = sub.add_parser("table")
    t.add_argument("--profiles", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--command", default=None)
    t.add_argument("--order", default="")
    r2 = sub.add_parser("reanalyze")
    r2.add_argument("--dir", required=True)
    r2.add_argument("--score", action="append", default=[], help="NAME=REGEX for score workloads")
    a = ap.parse_args()
    if a.cmd == "reanalyze":
        a.score = dict(x.split("=", 1) for x in a.score)
    {"report": report, "table": table, "reanalyze": reanalyze}[a.cmd](a)


if __name__ == "__main__":
    main()
