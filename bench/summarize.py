#!/usr/bin/env python3
"""Medians and side-by-side ratios of bench/run's samples, as JSON and as Markdown tables."""
import collections
import json
import statistics
import sys

raw, machine_file, json_out, md_out = sys.argv[1:5]

samples = collections.defaultdict(list)
with open(raw) as f:
    for line in f:
        jdk, bench, side, metric, value = line.rstrip("\n").split("\t")
        if "-training" in jdk or value == "":
            continue
        samples[(jdk, bench, side, metric)].append(float(value))
median = {key: statistics.median(values) for key, values in samples.items()}
counts = {key: len(values) for key, values in samples.items()}
machine = dict(line.rstrip("\n").split("=", 1) for line in open(machine_file) if "=" in line)
jdks = sorted({key[0].split("-aot-")[0] for key in median})


def get(jdk, bench, side, metric):
    return median.get((jdk, bench, side, metric))


def fmt(value, digits=0):
    return "-" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return None if a is None or not b else a / b


def round_ratios(jdk, bench, side):
    """side / alone in each round, each round's figures taken together."""
    a = samples.get((jdk, bench, side, "requests_per_s"), [])
    b = samples.get((jdk, bench, "standalone", "requests_per_s"), [])
    return [x / y for x, y in zip(a, b) if y]


def paired_ratio(jdk, bench, side):
    """Median over the rounds of side / alone."""
    ratios = round_ratios(jdk, bench, side)
    return statistics.median(ratios) if ratios else None


def ratio_range(jdk, bench, side):
    ratios = round_ratios(jdk, bench, side)
    return "{:.2f}-{:.2f}".format(min(ratios), max(ratios)) if ratios else "-"



md = []
md.append("### Start-up and memory")
md.append("")
md.append("Median of the runs. *runtime*: runtime.jar with every default service (thumbnails, settings, "
          "storage-users, storage-system); *runtime, thumbnails only*: runtime.jar with HANGAR_RUN_SERVICES=thumbnails "
          "(the runtime's own cost with one service); *separate*: the same four as separate processes of their own jars, "
          "all started at once (figures summed); *one*: thumbnails.jar alone; *plain*: a plain Spring Boot web "
          "app (web and actuator, bench/plain-app), the reference of the targets. Each from its Boot jar, no cache.")
md.append("")
md.append("| JDK | side | ready (s) | RSS (MiB) | PSS (MiB) | heap after GC (MiB) | RSS after GC (MiB) | threads | runs |")
md.append("|---|---|---|---|---|---|---|---|---|")
for jdk in jdks:
    for side, label in (("runtime", "runtime"), ("runtime_thumbnails_only", "runtime, thumbnails only"),
                        ("separate", "separate"), ("one", "one"), ("plain", "plain")):
        ready = get(jdk, "startup", side, "ready_ms")
        if ready is None:
            continue
        md.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            jdk, label, fmt(ready / 1000, 2), fmt((get(jdk, "memory", side, "rss_kb") or 0) / 1024),
            fmt((get(jdk, "memory", side, "pss_kb") or 0) / 1024),
            fmt((get(jdk, "memory", side, "heap_after_gc_kb") or 0) / 1024, 1),
            fmt((get(jdk, "memory", side, "rss_after_gc_kb") or 0) / 1024),
            fmt(get(jdk, "memory", side, "threads")), counts.get((jdk, "startup", side, "ready_ms"))))
md.append("")
md.append("| JDK | runtime / plain: ready | runtime / plain: RSS | runtime / plain: RSS after GC | runtime, thumbnails only / plain: ready | runtime / one: ready | runtime / one: RSS | separate / one: ready | separate / one: RSS | runtime / separate: RSS |")
md.append("|---|---|---|---|---|---|---|---|---|---|")
for jdk in jdks:
    r = lambda side, bench, metric: get(jdk, bench, side, metric)
    if r("one", "startup", "ready_ms") is None:
        continue
    md.append("| {} | {}x | {}x | {}x | {}x | {}x | {}x | {}x | {}x | {}x |".format(
        jdk,
        fmt(ratio(r("runtime", "startup", "ready_ms"), r("plain", "startup", "ready_ms")), 2),
        fmt(ratio(r("runtime", "memory", "rss_kb"), r("plain", "memory", "rss_kb")), 2),
        fmt(ratio(r("runtime", "memory", "rss_after_gc_kb"), r("plain", "memory", "rss_after_gc_kb")), 2),
        fmt(ratio(r("runtime_thumbnails_only", "startup", "ready_ms"), r("plain", "startup", "ready_ms")), 2),
        fmt(ratio(r("runtime", "startup", "ready_ms"), r("one", "startup", "ready_ms")), 2),
        fmt(ratio(r("runtime", "memory", "rss_kb"), r("one", "memory", "rss_kb")), 2),
        fmt(ratio(r("separate", "startup", "ready_ms"), r("one", "startup", "ready_ms")), 2),
        fmt(ratio(r("separate", "memory", "rss_kb"), r("one", "memory", "rss_kb")), 2),
        fmt(ratio(r("runtime", "memory", "rss_kb"), r("separate", "memory", "rss_kb")), 2)))

services = ("thumbnails", "settings", "storage-users", "storage-system")
if any(get(jdk, "phases", "runtime", "before_services_ms") is not None for jdk in jdks):
    md.append("")
    md.append("Where the runtime's start-up goes, read from its services endpoint after each start above "
              "(medians of each figure, so they need not add up): *until the services start*: from launch "
              "until the runtime began to start its services (the JVM, the command line, the configuration "
              "and the runtime's Spring application until its context exists, which then starts alongside "
              "the services); then each service's own start, all four started together on threads of their "
              "own; *after*: from the last service's ready until the runtime answered ready (the rest of the "
              "runtime's own context if it ends later, its start-up collection, the harness's 10 ms poll).")
    md.append("")
    md.append("| JDK | side | ready (s) | until the services start (s) | "
              + " | ".join(f"{name} (s)" for name in services) + " | after (s) |")
    md.append("|---|---|---|---|" + "---|" * len(services) + "---|")
    for jdk in jdks:
        for side, label in (("runtime", "runtime"), ("runtime_thumbnails_only", "runtime, thumbnails only")):
            before = get(jdk, "phases", side, "before_services_ms")
            if before is None:
                continue
            each = [get(jdk, "phases", side, f"service_ms.{name}") for name in services]
            md.append("| {} | {} | {} | {} | {} | {} |".format(
                jdk, label, fmt(get(jdk, "startup", side, "ready_ms") / 1000, 2), fmt(before / 1000, 2),
                " | ".join("-" if ms is None else fmt(ms / 1000, 2) for ms in each),
                fmt(get(jdk, "phases", side, "after_services_ms") / 1000, 2)))

md.append("")
md.append("### Throughput and latency: thumbnails inside the runtime against thumbnails alone")
md.append("")
md.append("Three processes up at once, measured in turn with wrk (2 threads), each round starting with another; "
          "median of the rounds; */ alone, rounds*: the lowest and highest of the per-round ratios. *runtime*: runtime.jar with every default service; *runtime, thumbnails only*: "
          "runtime.jar with HANGAR_RUN_SERVICES=thumbnails; *alone*: thumbnails.jar. "
          "*cheap*: GET /actuator/health/liveness, 64 connections; *thumbnail*: POST a 256x256 PNG for a 64x64 "
          "thumbnail, 16 connections; *1000 conn.*: the cheap endpoint with 1,000 connections; *platform threads* (JDK 21+): "
          "the cheap endpoint again, from a runtime and a thumbnails.jar started with virtual threads off "
          "(HANGAR_SPRING_THREADS_VIRTUAL_ENABLED=false), the two alternating; *fresh starts*: the cheap "
          "endpoint, with 64 and then with 1,000 connections, from a runtime and a thumbnails.jar started afresh "
          "for each round (warmed on that endpoint alone, at each load), so that its rounds are also different JVM starts.")
md.append("")
md.append("| JDK | benchmark | side | req/s | / alone | / alone, rounds | p50 / p99 (ms) | errors | rounds |")
# "/ alone" is the median of the ratios of each round (the sides of a round ran minutes apart at most),
# which the machine's drift over the whole run disturbs less than a ratio of medians.
md.append("|---|---|---|---|---|---|---|---|---|")
names = {"cheap_endpoint": "cheap", "thumbnail": "thumbnail", "cheap_1000_connections": "cheap, 1000 conn.",
         "cheap_endpoint_platform_threads": "cheap, platform threads",
         "cheap_endpoint_fresh_starts": "cheap, fresh starts",
         "cheap_1000_connections_fresh_starts": "cheap, 1000 conn., fresh starts"}
sides = {"runtime": "runtime", "runtime_thumbnails_only": "runtime, thumbnails only", "standalone": "alone"}
for jdk in jdks:
    for bench, label in names.items():
        alone = get(jdk, bench, "standalone", "requests_per_s")
        for side, side_label in sides.items():
            a = get(jdk, bench, side, "requests_per_s")
            if a is None:
                continue
            md.append("| {} | {} | {} | {} | {}x | {} | {} / {} | {} | {} |".format(
                jdk, label, side_label, fmt(a), fmt(paired_ratio(jdk, bench, side), 3), ratio_range(jdk, bench, side),
                fmt(get(jdk, bench, side, "p50_ms"), 2), fmt(get(jdk, bench, side, "p99_ms"), 2),
                fmt(get(jdk, bench, side, "errors")), counts.get((jdk, bench, side, "requests_per_s"))))

warm_sides = dict(sides, runtime_platform_threads="runtime, platform threads",
                  standalone_platform_threads="alone, platform threads",
                  runtime_fresh_starts="runtime, fresh starts (median)",
                  standalone_fresh_starts="alone, fresh starts (median)",
                  runtime_fresh_starts_1000="runtime, fresh starts, 1000 conn. (median)",
                  standalone_fresh_starts_1000="alone, fresh starts, 1000 conn. (median)")
warm = [(jdk, side, get(jdk, "warmup", side, "seconds_to_steady")) for jdk in jdks for side in warm_sides]
if any(value is not None for _, _, value in warm):
    md.append("")
    md.append("Warm-up before the rounds: both endpoints (for fresh starts, the cheap one at the round's load) loaded in 5 s steps until a step's rate is within 5% of "
              "the step before and the JIT compiled fewer than 100 methods during it. Seconds it took: " + "; ".join(
                  "{} {}: {}".format(jdk, warm_sides[side], fmt(value)) for jdk, side, value in warm if value is not None) + ".")
md.append("")
md.append("### Start-up from a JDK AOT cache (JDK 25) or an AppCDS archive (JDK 17)")
md.append("")
md.append("Jars extracted with `java -Djarmode=tools -jar X.jar extract`; the cache is made by a training run "
          "that starts, serves a few requests and exits. *plain*: the extracted jar without a cache.")
md.append("")
md.append("| JDK | what | plain ready (s) | cached ready (s) | saved | plain RSS (MiB) | cached RSS (MiB) | runs |")
md.append("|---|---|---|---|---|---|---|---|")
for jdk in jdks:
    for what, side in (("runtime, every service", "runtime"), ("one service (thumbnails)", "one")):
        plain = get(f"{jdk}-aot-{side}-plain", "startup", side, "ready_ms")
        cached = get(f"{jdk}-aot-{side}-cached", "startup", side, "ready_ms")
        if plain is None or cached is None:
            continue
        md.append("| {} | {} | {} | {} | {}% | {} | {} | {} |".format(
            jdk, what, fmt(plain / 1000, 2), fmt(cached / 1000, 2), fmt(100 * (1 - cached / plain)),
            fmt(get(f"{jdk}-aot-{side}-plain", "memory", side, "rss_kb") / 1024),
            fmt(get(f"{jdk}-aot-{side}-cached", "memory", side, "rss_kb") / 1024),
            counts.get((f"{jdk}-aot-{side}-cached", "startup", side, "ready_ms"))))

md.append("")
md.append("### What a deployment gets by default: startup caches")
md.append("")
md.append("*runtime*: `java -jar runtime.jar server` (the Boot jar as built) against `deploy/bin/hangar-server` "
          "(the extracted layout and the startup cache it recorded at its first start, which is not counted), every "
          "default service. *instance*: create to ready of a thumbnails instance (`POST ...?waitReady=true`), by a "
          "runtime with startup caches off against one whose thumbnails cache is ready. Median of the runs.")
md.append("")
md.append("| JDK | what | without cache (s) | with cache (s) | saved | RSS without (MiB) | RSS with (MiB) | with cache / plain app: ready, RSS, RSS after GC | runs |")
md.append("|---|---|---|---|---|---|---|---|---|")
for jdk in jdks:
    for what, without, with_ in (("runtime, every service", "runtime-fat", "runtime-launcher"),
                                 ("instance of thumbnails", "instance-plain", "instance-cached")):
        a = get(jdk, "default_deployment", without, "ready_ms")
        b = get(jdk, "default_deployment", with_, "ready_ms")
        if a is None or b is None:
            continue
        plain_ready = get(jdk, "startup", "plain", "ready_ms")
        plain_rss = get(jdk, "memory", "plain", "rss_kb")
        after_gc = ratio(get(jdk, "default_deployment", with_, "rss_after_gc_kb"),
                         get(jdk, "memory", "plain", "rss_after_gc_kb"))
        md.append("| {} | {} | {} | {} | {}% | {} | {} | {}x, {}x, {} | {} |".format(
            jdk, what, fmt(a / 1000, 2), fmt(b / 1000, 2), fmt(100 * (1 - b / a)),
            fmt((get(jdk, "default_deployment", without, "rss_kb") or 0) / 1024),
            fmt((get(jdk, "default_deployment", with_, "rss_kb") or 0) / 1024),
            fmt(ratio(b, plain_ready), 2), fmt(ratio(get(jdk, "default_deployment", with_, "rss_kb"), plain_rss), 2),
            (fmt(after_gc, 2) + "x") if after_gc is not None else "-",
            counts.get((jdk, "default_deployment", with_, "ready_ms"))))

md.append("")
md.append("### Instances: Hangar's supervisor against s6 (Debian's s6 2.11), the same trivial template")
md.append("")
md.append("The template says it is ready (to s6 on its notification fd, to Hangar on an output line), then sleeps. "
          "Times from the command to the state, measured by polling each side's own status tool "
          "(s6-instance-status; Hangar's API over one kept-alive connection, bench/hangar-instances.py); median of the runs. "
          "*through curl*: Hangar's creates sent as a shell user sends them, one curl process and connection each.")
md.append("")
md.append("| JDK of the runtime | measure | s6 | Hangar | Hangar / s6 |")
md.append("|---|---|---|---|---|")
for jdk in jdks:
    # (s6's metric, Hangar's metric, label): Hangar's creates through curl against s6's own.
    for s6_metric, hangar_metric, label in (
            ("create_to_up_ms", "create_to_up_ms", "create to up (ms)"),
            ("create_to_ready_ms", "create_to_ready_ms", "create to ready (ms)"),
            ("restart_ms", "restart_ms", "kill -9 to restarted (ms)"),
            ("creates_500_ms", "creates_500_ms", "500 creates (ms)"),
            ("creates_500_ms", "creates_500_curl_ms", "500 creates, Hangar's through curl (ms)"),
            ("pss_per_instance_kb", "pss_per_instance_kb", "supervisor memory per instance (PSS, KiB)")):
        a = get(jdk, "instances", "s6", s6_metric)
        b = get(jdk, "instances", "hangar", hangar_metric)
        if a is None or b is None:
            continue
        md.append("| {} | {} | {} | {} | {} |".format(jdk, label, fmt(a), fmt(b),
                  (fmt(ratio(b, a), 1) + "x") if a else "-"))

if any(key[1] == "hostile_images" for key in median):
    md.append("")
    md.append("### Images that decode to hundreds of megabytes")
    md.append("")
    md.append("thumbnails.jar alone with -Xmx256m against a 7000x7000 PNG of 16-bit RGBA pixels (392 MB decoded, "
              "0.4 MB on the wire): the time of one request and of six sent at once, and the process's peak RSS; "
              "median of the runs.")
    md.append("")
    md.append("| JDK | one, 128x128 (ms) | six at once, 128x128 (ms) | one, 512x512 (ms) | six at once, 512x512 (ms) "
              "| peak RSS (MiB) | runs |")
    md.append("|---|---|---|---|---|---|---|")
    for jdk in jdks:
        peak = get(jdk, "hostile_images", "peak", "rss_kb")
        if peak is None:
            continue
        md.append("| {} | {} | {} | {} | {} | {} | {} |".format(jdk,
                  fmt(get(jdk, "hostile_images", "one_128x128", "ms")), fmt(get(jdk, "hostile_images", "six_128x128", "ms")),
                  fmt(get(jdk, "hostile_images", "one_512x512", "ms")), fmt(get(jdk, "hostile_images", "six_512x512", "ms")),
                  fmt(peak / 1024), counts.get((jdk, "hostile_images", "peak", "rss_kb"))))

if any(key[1] == "short_commands" for key in median):
    md.append("")
    md.append("### The short commands: launch to exit")
    md.append("")
    md.append("Against a running runtime, median of the runs; each command as the README shows it "
              "(`java -jar runtime.jar ...`) and through `deploy/bin/hangar` (extracted jar, class-data-sharing "
              "archive per command, client compiler only), and how many times `java -version` each takes.")
    md.append("")
    md.append("| JDK | command | java -jar (ms) | hangar (ms) | java -jar / hangar | java -jar / java -version "
              "| hangar / java -version | runs |")
    md.append("|---|---|---|---|---|---|---|---|")
    for jdk in jdks:
        base = get(jdk, "short_commands", "java_version", "ms")
        if base is None:
            continue
        md.append("| {} | java -version | {} | - | - | 1.0x | - | {} |".format(
            jdk, fmt(base), counts.get((jdk, "short_commands", "java_version", "ms"))))
        labels = sorted({key[2].split(":", 1)[1] for key in median
                         if key[0] == jdk and key[1] == "short_commands" and ":" in key[2]})
        for label in labels:
            jar = get(jdk, "short_commands", "jar:" + label, "ms")
            hangar = get(jdk, "short_commands", "hangar:" + label, "ms")
            md.append("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
                jdk, label.replace("_", " "), fmt(jar), fmt(hangar), fmt(ratio(jar, hangar), 1) + "x",
                fmt(ratio(jar, base), 1) + "x", fmt(ratio(hangar, base), 1) + "x",
                counts.get((jdk, "short_commands", "jar:" + label, "ms"))))

md.append("")
md.append("Machine: {cores} cores, {memory}, {cpu}, Linux {kernel}. Command: `{command}`, {date}.".format(
    **{k: machine.get(k, "?") for k in ("cores", "memory", "cpu", "kernel", "command", "date")}))
for line in open(machine_file):
    if line.startswith("jdk="):
        md.append("JDK: " + line[4:].strip() + ".")
with open(md_out, "w") as f:
    f.write("\n".join(md) + "\n")

result = collections.defaultdict(dict)
for (jdk, bench, side, metric), value in sorted(median.items()):
    result[jdk].setdefault(bench, {}).setdefault(side, {})[metric] = value
with open(json_out, "w") as f:
    json.dump({"machine": machine, "medians": result, "samples": {"\t".join(k): v for k, v in samples.items()}}, f,
              indent=2, sort_keys=True)
