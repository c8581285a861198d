"""Columns line up by display width: Chinese titles take two cells a character."""

from tfkatas.columns import display_width, fit
from tfkatas.curriculum import load_curriculum


def test_wide_characters_count_twice_and_fit_pads_to_the_cell():
    assert display_width("排序与 top-k") == 12 and display_width("abc") == 3
    assert fit("排序与 top-k 准确率", 10) == "排序与 top"  # Cut to 10 cells, never half a character.
    assert fit("排序", 6) == "排序  " and display_width(fit("张量、数据类型与变量", 46)) == 46


def test_every_chinese_title_fits_the_list_column():
    for kata in load_curriculum():
        assert display_width(fit(kata.localized_title("zh"), 46)) == 46, kata.title_zh
