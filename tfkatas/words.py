"""The tool's own words in the learner's language (KATA_LANG): English, or Simplified Chinese.

Kata words (titles, hints) live beside each kata; these are the lines the commands print
around them. A missing translation falls back to English, so nothing is ever left blank.
"""

from __future__ import annotations

WORDS = {
    "hint": ("Hint {index}/{count} for kata {code} · {title}: {hint}", "提示 {index}/{count}（练习 {code} · {title}）：{hint}"),
    "hint_more": ("(ask again for the next hint; make hint N={code} ALL=1 shows all {count})",
                  "（再问一次可看下一条；make hint N={code} ALL=1 显示全部 {count} 条）"),
    "hint_last": ("(that was the last hint; make hint N={code} ALL=1 shows all {count})",
                  "（这是最后一条提示；make hint N={code} ALL=1 显示全部 {count} 条）"),
    "score": ("Score: {passed}/{total} tests pass ({percent:.0f}%) · {solved} of {ready} available katas solved",
              "得分：{passed}/{total} 个测试通过（{percent:.0f}%）· 已完成 {solved}/{ready} 个练习"),
    "next": ("Next: make kata N={code}   (or make watch N={code})", "下一步：make kata N={code}   （或 make watch N={code}）"),
    "solved": ("solved", "已完成"),
    "failing": ("failing", "未通过"),
    "not started": ("not started", "未开始"),
    "broken": ("broken", "无法运行"),
    "not available yet": ("not available yet", "尚未提供"),
    "header": ("kata", "练习"),
    "title": ("title", "标题"),
    "status": ("status", "状态"),
    "tests": ("tests", "测试"),
}


def say(key: str, language: str = "en", **values) -> str:
    english, chinese = WORDS[key]
    return (chinese if language == "zh" and chinese else english).format(**values)
