"""`make class-report GRADES=dir`: many students' grade.json files as one static page and a CSV.

The page shows each kata's pass rate, the tests that fail most often (with the commonest
message), the misconceptions seen most (where a grade file records a diagnosis for a failed
test), and a students × katas grid. The CSV is the grid. `SUBMISSIONS=dir` first grades each
student's tree in that folder (one sub-folder per student), each in its own clean copy, a few
at a time (`--jobs`), writing their grade files into GRADES.

A student's name is the grade file's name (grades/ana.json) or its folder (grades/ana/grade.json).
"""

from __future__ import annotations

import csv
import html
import json
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.commands.grade import SCHEMA

STATUS_MARK = {"solved": "✓", "failing": "✗", "not started": "·", "broken": "!"}


def add_arguments(parser) -> None:
    parser.add_argument("--grades", required=True, help="folder of grade.json files (written to, with --submissions)")
    parser.add_argument("--submissions", default=None, help="folder of student trees to grade first, one per sub-folder")
    parser.add_argument("--output", default="class-report", help="folder for index.html and class.csv")
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)),
                        help="submissions graded at once (each is its own process)")


def grade_submissions(submissions: Path, grades: Path, jobs: int) -> dict[str, int]:
    """Grade every student folder into grades/<student>.json; {student: exit status}."""
    grades.mkdir(parents=True, exist_ok=True)
    students = sorted(path for path in submissions.iterdir() if path.is_dir())

    def grade(student: Path) -> int:
        command = [sys.executable, "-m", "tfkatas", "grade", "--submission", str(student),
                   "--output", str(grades / f"{student.name}.json"), "--junit", str(grades / f"{student.name}.xml")]
        return subprocess.run(command, capture_output=True, text=True).returncode

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return dict(zip((student.name for student in students), pool.map(grade, students)))


def read_grades(grades: Path) -> dict[str, dict]:
    """{student: grade} for every tfkatas grade file under `grades`."""
    found = {}
    for path in sorted(grades.rglob("*.json")):
        try:
            grade = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(grade, dict) and grade.get("schema") == SCHEMA:
            found[path.parent.name if path.name == "grade.json" else path.stem] = grade
    return found


def summarize(grades: dict[str, dict]) -> dict:
    """Pass rates, the commonest failures and misconceptions, and the grid, from the grade files."""
    katas: dict[str, str] = {}
    for grade in grades.values():
        for code, entry in grade["katas"].items():
            katas.setdefault(code, entry["title"])
    katas = dict(sorted(katas.items()))
    failures, messages, misconceptions = Counter(), {}, Counter()
    for grade in grades.values():
        for code, entry in grade["katas"].items():
            for failed in entry.get("failed_tests", []):
                key = (code, failed["test"])
                failures[key] += 1
                messages.setdefault(key, Counter())[failed["message"]] += 1
                if failed.get("diagnosis"):
                    misconceptions[(code, failed["diagnosis"])] += 1
    rates = {code: sum(grade["katas"].get(code, {}).get("status") == "solved" for grade in grades.values())
             / len(grades) for code in katas} if grades else {}
    return {"katas": katas, "pass_rates": rates,
            "failing_tests": [(code, test, count, messages[(code, test)].most_common(1)[0][0])
                              for (code, test), count in failures.most_common(10)],
            "misconceptions": [(code, what, count) for (code, what), count in misconceptions.most_common(10)],
            "grid": {student: {code: grade["katas"].get(code, {}).get("status", "missing") for code in katas}
                     for student, grade in grades.items()},
            "scores": {student: grade["score"] for student, grade in grades.items()}}


def write_csv(summary: dict, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "score", *summary["katas"]])
        for student, row in summary["grid"].items():
            writer.writerow([student, summary["scores"][student], *row.values()])


def render_html(summary: dict, generated: str) -> str:
    e = html.escape
    students = len(summary["grid"])
    rate_rows = "".join(f"<tr><td>{code}</td><td>{e(title)}</td><td class='bar'><span style='width:{100 * rate:.0f}%'>"
                        f"</span></td><td>{100 * rate:.0f}%</td></tr>"
                        for (code, title), rate in zip(summary["katas"].items(), summary["pass_rates"].values()))
    failing_rows = "".join(f"<tr><td>{code}</td><td><code>{e(test)}</code></td><td>{count}</td><td>{e(message)}</td></tr>"
                           for code, test, count, message in summary["failing_tests"]) or \
        "<tr><td colspan='4'>no failing tests</td></tr>"
    misconception_rows = "".join(f"<tr><td>{code}</td><td>{e(what)}</td><td>{count}</td></tr>"
                                 for code, what, count in summary["misconceptions"]) or \
        "<tr><td colspan='3'>no diagnosis recorded in these grade files</td></tr>"
    header = "".join(f"<th title='{e(title)}'>{code}</th>" for code, title in summary["katas"].items())
    grid_rows = "".join(
        f"<tr><th>{e(student)}</th><td>{100 * summary['scores'][student]:.0f}%</td>"
        + "".join(f"<td class='{status.replace(' ', '-')}' title='{code}: {status}'>{STATUS_MARK.get(status, '?')}</td>"
                  for code, status in row.items()) + "</tr>"
        for student, row in summary["grid"].items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TF Katas: class report</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin-bottom: 2em; }}
td, th {{ border: 1px solid #ccc; padding: 3px 8px; text-align: left; }}
.bar {{ width: 200px; }} .bar span {{ display: block; height: 12px; background: #4a8; }}
.solved {{ background: #cfc; }} .failing {{ background: #fcc; }} .broken {{ background: #f99; }}
.not-started, .missing {{ background: #eee; }}
</style></head><body>
<h1>TF Katas: class report</h1>
<p id="summary">{students} students · {len(summary['katas'])} katas · generated {e(generated)}</p>
<h2>Pass rate per kata</h2><table id="pass-rates"><tr><th>kata</th><th>title</th><th></th><th>solved</th></tr>{rate_rows}</table>
<h2>Tests that fail most</h2><table id="failing-tests">
<tr><th>kata</th><th>test</th><th>students</th><th>commonest message</th></tr>{failing_rows}</table>
<h2>Misconceptions seen most</h2><table id="misconceptions">
<tr><th>kata</th><th>mistake</th><th>students</th></tr>{misconception_rows}</table>
<h2>Students × katas</h2><table id="grid"><tr><th>student</th><th>score</th>{header}</tr>{grid_rows}</table>
<p>✓ solved · ✗ failing · · not started · ! broken</p>
</body></html>
"""


def run(args) -> int:
    grades, output = Path(args.grades), Path(args.output)
    started = time.perf_counter()
    if args.submissions:
        submissions = Path(args.submissions)
        if not submissions.is_dir():
            return fail(f"--submissions {submissions}: no such directory")
        statuses = grade_submissions(submissions, grades, args.jobs)
        seconds = time.perf_counter() - started
        failed = [student for student, status in statuses.items() if status != 0]
        print(f"graded {len(statuses)} submissions in {seconds:.1f} s "
              f"({60 * len(statuses) / seconds:.1f} per minute, {args.jobs} at a time)"
              + (f"; no grade for: {', '.join(failed)}" if failed else ""))
    if not grades.is_dir():
        return fail(f"--grades {grades}: no such directory")
    found = read_grades(grades)
    if not found:
        return fail(f"no grade files (schema {SCHEMA}) in {grades}")
    summary = summarize(found)
    output.mkdir(parents=True, exist_ok=True)
    (output / "index.html").write_text(render_html(summary, time.strftime("%Y-%m-%d %H:%M")), encoding="utf-8")
    write_csv(summary, output / "class.csv")
    print(f"wrote {output / 'index.html'} and {output / 'class.csv'} ({len(found)} students)")
    return 0
