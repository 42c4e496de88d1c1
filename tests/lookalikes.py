"""Hypothesis strategies for look-alike display names: full-width and half-width forms,
circled digits, zero-width characters, dash variants, case, spacing around dashes. Shared by
the property tests over mentions and command targets."""

from __future__ import annotations

from hypothesis import strategies as st

BASES = ("X1", "财务部-王芳", "王建国", "Lily", "A-2", "研发部-刘洋", "张三")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
DASHES = ("-", "－", "—", "–", "‐", "―", "─")
CIRCLED = {str(n): chr(0x2460 + n - 1) for n in range(1, 10)}


def _fullwidth(char: str) -> str:
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char


@st.composite
def variant(draw: st.DrawFn, base: str) -> str:
    """`base` or a name that differs from it only once normalised."""
    out = []
    for char in base:
        choice = draw(st.integers(0, 7))
        if char == "-" and choice < 4:
            out.append(draw(st.sampled_from(DASHES)))
        elif char.isdigit() and choice == 1:
            out.append(CIRCLED.get(char, char))
        elif char.isascii() and choice == 2:
            out.append(_fullwidth(char))
        elif char.isascii() and char.isalpha() and choice == 3:
            out.append(char.swapcase())
        else:
            out.append(char)
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(ZERO_WIDTH)))
    return "".join(out)


@st.composite
def lookalike_names(draw: st.DrawFn, min_size: int = 2, max_size: int = 7) -> list[str]:
    """Display names of a group: a few bases, each shown in several look-alike forms
    (duplicates included: two members may show one name)."""
    bases = draw(st.lists(st.sampled_from(BASES), min_size=1, max_size=3, unique=True))
    size = draw(st.integers(min_size, max_size))
    return [draw(variant(draw(st.sampled_from(bases)))) for _ in range(size)]
