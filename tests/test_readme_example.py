"""The README's one example runs as printed: one cell in a fresh kernel, in the smoke profile."""

import os
import re
from pathlib import Path

from kernel_helpers import describe, of_type

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_example():
    text = README.read_text(encoding="utf-8")
    section = text.split("## One example", 1)[1]
    return re.search(r"```java\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_trains_and_shows_its_learning_curves(fresh_kernel_factory):
    kernel = fresh_kernel_factory("readme", env=dict(os.environ, WORKBENCH_PROFILE="smoke"))
    reply, msgs = kernel.execute(readme_example(), timeout=900)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    results = of_type(msgs, "execute_result")
    assert results and "image/png" in results[-1]["content"]["data"], describe(reply, msgs)
