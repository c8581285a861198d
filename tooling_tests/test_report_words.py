"""The learner's report says what happened: focus mode's partial count, the next kata still to
solve, and the pictures a run wrote."""

from __future__ import annotations

import pytest

from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command


def kata_source(number: int, name: str) -> str:
    return (f'"""Kata {number:02d}."""\n\nfrom pathlib import Path\n\n'
            'ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"'
            f'\n\n\ndef {name}(x):\n    """x + {number}; draws a picture."""\n    ### BEGIN SOLUTION: addition.\n'
            f'    ARTIFACTS_DIR.mkdir(exist_ok=True)\n    (ARTIFACTS_DIR / "{number:02d}_{name}.png").write_bytes(b"png")\n'
            f'    return x + {number}\n    ### END SOLUTION\n')


def kata_tests(number: int, name: str) -> str:
    return "".join(f"\n\ndef test_{name}_{value}(kata):\n    assert kata.{name}({value}) == {value + number}\n"
                   for value in (1, 2, 3))


@pytest.fixture
def checkout(tmp_path):
    katas = [FakeKata(number, name, kata_source(number, name), kata_tests(number, name))
             for number, name in ((1, "one"), (2, "two"), (3, "three"))]
    root = make_checkout(tmp_path, katas)
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    return root


def solve(root, number: int, name: str) -> None:
    (root / "katas" / f"{number:02d}_{name}" / f"{name}.py").write_text(kata_source(number, name))


def test_focus_mode_counts_what_ran_and_the_whole(checkout):
    result = tfkatas_command(checkout, "kata", "01", "--focus")
    assert "0 of 1 tests run pass (3 tests in all)" in result.stdout, result.stdout


def test_next_names_the_first_kata_not_yet_solved_and_pictures_are_named(checkout):
    solve(checkout, 2, "two")
    assert "solved" in tfkatas_command(checkout, "progress").stdout  # Kata 02 is known solved.
    solve(checkout, 1, "one")
    result = tfkatas_command(checkout, "kata", "01")
    assert "All tests pass. Well done! Next: make kata N=03" in result.stdout, result.stdout
    assert "Pictures written (open them): artifacts/01_one.png" in result.stdout, result.stdout
    again = tfkatas_command(checkout, "kata", "01")  # Rewritten on every run: named every time.
    assert "artifacts/01_one.png" in again.stdout, again.stdout


def test_the_solution_waits_until_the_kata_is_solved(checkout):
    waiting = tfkatas_command(checkout, "solution", "01")
    assert waiting.returncode == 1 and "is not solved yet" in waiting.stdout and "FORCE=1" in waiting.stdout, waiting.stdout
    assert "return x + 1" not in waiting.stdout
    assert "+    return x + 1" in tfkatas_command(checkout, "solution", "01", "--force").stdout
    (checkout / "katas" / "01_one" / "one.py").write_text(kata_source(1, "one").replace("return x + 1", "return 1 + x"))
    shown = tfkatas_command(checkout, "solution", "01")
    assert shown.returncode == 0 and "-    return 1 + x" in shown.stdout and "+    return x + 1" in shown.stdout, shown.stdout


def _spawn_in_a_terminal(root, arguments: list[str], environment: dict | None = None) -> tuple[int, int]:
    """`tfkatas ARGUMENTS` under a pseudo-terminal, as a person runs it: (pid, the terminal's descriptor)."""
    import os
    import pty
    import sys

    from tfkatas.fake_checkout import command_environment

    pid, descriptor = pty.fork()
    if pid == 0:  # The child: the command, on the terminal's side.
        os.chdir(root)
        os.execve(sys.executable, [sys.executable, "-m", "tfkatas", *arguments], command_environment(root, environment))
    return pid, descriptor


def _in_a_terminal(root, environment: dict) -> str:
    """What `tfkatas kata 01` prints on a terminal, to its end."""
    import os

    pid, descriptor = _spawn_in_a_terminal(root, ["kata", "01"], environment)
    output = []
    while True:
        try:
            data = os.read(descriptor, 65536)
        except OSError:  # The child closed the terminal.
            break
        if not data:
            break
        output.append(data)
    os.waitpid(pid, 0)
    return b"".join(output).decode(errors="replace")


def test_failures_are_red_on_a_terminal_unless_no_color_is_set(checkout):
    coloured = _in_a_terminal(checkout, {})
    assert "\x1b[31m  ✗ test_one_1" in coloured, coloured[-1500:]
    plain = _in_a_terminal(checkout, {"NO_COLOR": "1"})
    assert "  ✗ test_one_1" in plain and "\x1b[" not in plain, plain[-1500:]


def test_the_tools_own_words_come_in_chinese_too(checkout):
    solve(checkout, 2, "two")
    progress = tfkatas_command(checkout, "progress", environment={"KATA_LANG": "zh"}).stdout
    assert "已完成" in progress and "得分：3/9 个测试通过" in progress and "下一步：make kata N=01" in progress, progress
    hint = tfkatas_command(checkout, "hint", "01", environment={"KATA_LANG": "zh"}).stdout
    assert hint.startswith("提示 1/2（练习 01") and "再问一次" in hint, hint


def test_watch_keys_in_a_real_terminal(checkout):
    """h shows a hint, s the solution once solved, a solved kata stays on screen, q quits."""
    import os
    import select
    import time

    solve(checkout, 1, "one")
    pid, terminal = _spawn_in_a_terminal(checkout, ["watch", "01", "--poll", "0.05"])
    seen = b""

    def wait_for(text: str, timeout: float = 30) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while text.encode() not in seen and time.monotonic() < deadline:
            if select.select([terminal], [], [], 0.1)[0]:
                try:
                    seen += os.read(terminal, 65536)
                except OSError:
                    break
        assert text.encode() in seen, seen.decode(errors="replace")[-2000:]

    try:
        wait_for("keys: h hint")
        wait_for("it stays green while you refactor")  # Solved, and still on kata 01.
        os.write(terminal, b"h")
        wait_for("Hint 1/2 for kata 01")
        os.write(terminal, b"s")
        wait_for("reference solution (+)")
        os.write(terminal, b"q")
        wait_for("stopped watching")
        assert b"moving on to kata 02" not in seen
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
