"""Jupyter messaging conformance of the Java (Workbench) kernel, with jupyter_kernel_test.

KernelTests starts its own kernel with `start_new_kernel(kernel_name="java-workbench")`; the
session fixture in conftest.py has put the temporary kernelspec on JUPYTER_PATH by then.

Every message type the suite covers has a sample: the pager through %doc, clear_output through
clearOutput(), history with tail, range and search.
"""

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

from kernel_helpers import control_reply, shell_reply

TIMEOUT = 30


class JavaWorkbenchKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "java-workbench"
    language_name = "java"
    # The contract allows ".jshell" or ".java"; test_kernel_info_is_complete checks which.
    file_extension = ""

    code_hello_world = 'System.out.println("hello, world")'
    code_stderr = 'System.err.println("to stderr")'

    completion_samples = [
        {"text": "Math.ab"},
        {"text": "String s = \"x\"; s.leng"},
    ]

    complete_code_samples = [
        "int x = 5;",
        "1 + 1",
        'System.out.println("hi");',
        "int f(int n) { return n + 1; }",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "int f(int n) {",
        'String s = "a" +',
    ]
    invalid_code_samples = [
        "int x = ;",
    ]

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "1 + 1", "result": "2"},
        {"code": "int a = 20;\nint b = 22;\na + b", "result": "42"},
        {"code": '"abc".length()', "result": "3"},
    ]

    code_display_data = [
        {"code": 'display("hello, display")', "mime": "text/plain"},
        {
            "code": "display(new java.awt.image.BufferedImage(2, 2, "
            "java.awt.image.BufferedImage.TYPE_INT_RGB))",
            "mime": "image/png",
        },
    ]

    code_inspect_sample = "Math.abs"

    code_page_something = "%doc Math.abs"
    code_clear_output = 'System.out.println("soon gone");\nclearOutput();'

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"

    # -- messages jupyter_kernel_test does not cover -----------------------------------------

    def test_kernel_info_is_complete(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = shell_reply(self.kc, msg_id, TIMEOUT)
        validate_message(reply, "kernel_info_reply", msg_id)
        c = reply["content"]
        self.assertEqual(c["status"], "ok", c)
        self.assertTrue(c.get("implementation"), c)
        self.assertTrue(c.get("implementation_version"), c)
        self.assertRegex(c.get("protocol_version", ""), r"^5\.\d+", c)
        li = c["language_info"]
        self.assertEqual(li.get("name"), "java", li)
        self.assertTrue(li.get("version"), li)
        self.assertTrue(li.get("mimetype"), li)
        self.assertIn(li.get("file_extension"), (".jshell", ".java"), li)
        self.assertTrue(li.get("codemirror_mode"), li)

    def test_comm_info(self):
        self.flush_channels()
        msg_id = self.kc.comm_info()
        reply = shell_reply(self.kc, msg_id, TIMEOUT)
        validate_message(reply, "comm_info_reply", msg_id)
        self.assertEqual(reply["content"]["status"], "ok")

    def test_interrupt_reply_when_idle(self):
        reply = control_reply(self.kc, "interrupt_request", timeout=TIMEOUT)
        validate_message(reply, "interrupt_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        # and the kernel still works
        reply, outputs = self.execute_helper("2 + 3")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_execute_input_and_execution_count(self):
        self.flush_channels()
        counts = []
        for code in ("int counted = 1;", "counted + 1"):
            msg_id = self.kc.execute(code)
            reply = shell_reply(self.kc, msg_id, TIMEOUT)
            validate_message(reply, "execute_reply", msg_id)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
            counts.append(reply["content"]["execution_count"])
            inputs = []
            while True:
                msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                validate_message(msg, msg["msg_type"], msg_id)
                if msg["msg_type"] == "execute_input":
                    inputs.append(msg)
                if msg["msg_type"] == "execute_result":
                    self.assertEqual(
                        msg["content"]["execution_count"], reply["content"]["execution_count"]
                    )
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            self.assertEqual(len(inputs), 1, "one execute_input per execute_request")
            self.assertEqual(inputs[0]["content"]["code"], code)
        self.assertEqual(counts[1], counts[0] + 1, "execution_count must grow by one per cell")

    def test_update_display_data(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('String confId = display("before");')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        self.assertEqual(len(shown), 1, outputs)
        display_id = shown[0]["content"].get("transient", {}).get("display_id")
        self.assertTrue(display_id, "display_data needs transient.display_id: %r" % shown[0])

        reply, outputs = self.execute_helper('updateDisplay(confId, "after")')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(updates), 1, outputs)
        self.assertEqual(updates[0]["content"]["transient"]["display_id"], display_id)
        self.assertIn("after", updates[0]["content"]["data"]["text/plain"])
