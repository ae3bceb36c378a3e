"""The one table (both columns, ratio, physical reference, target) and the machine-readable JSON."""
import json
import os
import platform

RATIO_NOTE = ("ratio: bigger = better for us (Supervisor/ours for times, sizes and CPU; "
              "ours/Supervisor for rates)")


def machine():
    info = {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
            "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu_model"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), None)
        with open("/proc/meminfo") as f:
            info["mem_total_mb"] = next(int(l.split()[1]) // 1024 for l in f if l.startswith("MemTotal:"))
        info["loadavg_at_start"] = os.getloadavg()[0]
    except (OSError, StopIteration):
        pass
    return info


def rows(recorders, refs):
    """One dict per metric, in the order the scenarios produced them."""
    order = {}
    for rec in recorders.values():
        for key, metric in rec.metrics.items():
            order.setdefault(key, metric)
    out = []
    for key, metric in order.items():
        sup = recorders["supervisor"].values.get(key) if "supervisor" in recorders else None
        ours = recorders["ours"].values.get(key) if "ours" in recorders else None
        ratio = metric.ratio(sup, ours)
        ref = refs.get(metric.ref) if metric.ref else None
        met = metric.target.met(sup, ours, ratio, ref) if metric.target else None
        out.append({"key": key, "label": metric.label, "unit": metric.unit, "better": metric.better,
                    "supervisor": sup, "ours": ours, "ratio": None if ratio is None else round(ratio, 2),
                    "reference": ref, "target": metric.target.text if metric.target else None,
                    "target_met": met, "_digits": metric.digits})
        for label, unit, ref_key, digits in metric.extra_refs:
            out.append({"key": ref_key, "label": label, "unit": unit, "better": "none", "supervisor": None,
                        "ours": None, "ratio": None, "reference": refs.get(ref_key), "target": None,
                        "target_met": None, "_digits": digits, "_reference_row": True})
    return out


def _fmt(value, digits, missing):
    if value is None:
        return missing
    return f"{value:.{digits}f}" if digits else f"{value:.0f}"


def _ratio(r):
    if r is None:
        return "-"
    return f"{r:.0f}x" if r >= 100 else f"{r:.2f}x" if r < 10 else f"{r:.1f}x"


def table(row_dicts, recorders, sides, ref_errors):
    """Renders the plain-text table; scenario errors appear as rows and as notes below."""
    head = ("metric", "unit", "Supervisor", "ours", "ratio", "reference", "target", "met")
    lines = []
    for r in row_dicts:
        scen = r["key"].split(".")[0]
        cells = []
        for side in ("supervisor", "ours"):
            if r.get("_reference_row"):
                cells.append("")
                continue
            rec = recorders.get(side)
            missing = "not run" if side not in sides else "ERROR" if rec and scen in rec.errors else "-"
            cells.append(_fmt(r[side], r["_digits"], missing))
        met = {True: "ok", False: "MISS", None: ""}[r["target_met"]]
        lines.append((r["label"], r["unit"], *cells, _ratio(r["ratio"]),
                      _fmt(r["reference"], r["_digits"], "-") if r["reference"] is not None else "",
                      r["target"] or "", met))
    notes = []
    for side, rec in recorders.items():
        for scen, message in rec.errors.items():
            lines.append((f"{scen}: error ({side})", "", *(("ERROR", "") if side == "supervisor" else ("", "ERROR")),
                          "", "", "", ""))
            notes.append(f"  [{side}] {scen}: {message}")
    for key, message in ref_errors.items():
        notes.append(f"  [reference] {key}: {message}")
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    fmt_line = lambda cells: "  ".join(str(c).ljust(w) if i in (0, 1, 6) else str(c).rjust(w)
                                       for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    out = [fmt_line(head), fmt_line(["-" * w for w in widths])] + [fmt_line(l) for l in lines]
    out += ["", RATIO_NOTE, "reference: physical limit measured in the same run "
            "(a bare posix_spawn burst of the same children for spawn rows, `yes | head -c > file` for the log rate)"]
    if notes:
        out += ["", "errors:"] + notes
    return "\n".join(out)


def write_json(path, payload):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    for r in payload.get("metrics", []):
        r.pop("_digits", None)
        r.pop("_reference_row", None)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(payload, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
