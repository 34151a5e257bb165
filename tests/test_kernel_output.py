"""What a cell prints reaches the notebook, all of it, promptly, and in the cell it belongs to.

- Stream output is batched: one Jupyter message per printed line overflowed the IOPub socket's
  queue, so 100,000 printed lines arrived 18% complete through nbclient and the cell sometimes
  never finished (its idle status was dropped too).
- A line printed while a long cell runs still shows while the cell runs.
"""

from queue import Empty

import nbformat
from nbclient import NotebookClient

from kernel_helpers import describe, of_type, stream_text

HUNDRED_THOUSAND_LINES = 'for (int i = 0; i < 100000; i++) System.out.println("line " + i);'


def test_hundred_thousand_printed_lines_all_arrive_through_nbclient(java_kernelspec, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(HUNDRED_THOUSAND_LINES), nbformat.v4.new_code_cell("1 + 1")]
    client = NotebookClient(nb, kernel_name="java-workbench", timeout=120, startup_timeout=90,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()

    printed = "".join(out["text"] for out in nb.cells[0].outputs if out["output_type"] == "stream")
    lines = printed.splitlines()
    assert len(lines) == 100000, "%d of 100000 lines arrived" % len(lines)
    assert lines == ["line %d" % i for i in range(100000)]
    assert nb.cells[1].outputs[0]["data"]["text/plain"] == "2"


def test_many_printed_lines_arrive_in_few_messages(kernel):
    reply, msgs = kernel.execute('for (int i = 0; i < 20000; i++) System.out.println("row " + i);', timeout=60)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert stream_text(msgs, "stdout").splitlines() == ["row %d" % i for i in range(20000)]
    streams = of_type(msgs, "stream")
    assert len(streams) <= 50, "%d stream messages for 20,000 lines" % len(streams)


def test_a_line_printed_while_a_cell_runs_shows_before_the_cell_ends(kernel):
    msg_id = kernel.submit('System.out.println("started"); Thread.sleep(3000); System.out.println("done");')
    first_output = None
    while first_output is None:
        msg = kernel.kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            first_output = msg
    # the reply comes only after the 3 s sleep, so it cannot be there yet if "started" came promptly
    for reply in shell_messages_ready(kernel):
        assert reply["parent_header"].get("msg_id") != msg_id, "the cell ended before its first line was shown"
    assert first_output["content"]["text"] == "started\n"
    kernel.wait_shell_reply(msg_id, timeout=30)
    rest = kernel.iopub_until_idle(msg_id, timeout=30)
    assert stream_text(rest) == "done\n"


def shell_messages_ready(kernel):
    messages = []
    while True:
        try:
            messages.append(kernel.kc.get_shell_msg(timeout=0.01))
        except Empty:
            return messages
