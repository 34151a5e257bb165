"""The kernel's class archive (class data sharing, environment/kernelspec/class_archive.py): the
kernel starts and runs cells whatever state the archive is in, and the archive that set-up writes
is one the JVM can use."""

import json
import subprocess
import sys
from pathlib import Path

import kernelspec_util
from kernel_helpers import KernelHarness, assert_value

sys.path.insert(0, str(kernelspec_util.REPO_ROOT / "environment" / "kernelspec"))
import class_archive  # noqa: E402


def kernelspec_with_archive(java_kernelspec, name, archive):
    """A kernelspec beside the session's, the same but for the class archive it maps."""
    spec = json.loads((java_kernelspec / "kernel.json").read_text())
    spec["argv"] = [("-XX:SharedArchiveFile=%s" % archive) if arg.startswith("-XX:SharedArchiveFile=") else arg
                    for arg in spec["argv"]]
    spec_dir = java_kernelspec.parent / name
    spec_dir.mkdir(exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    return name


def runs_a_cell(java_kernelspec, kernel_log_dir, name, archive):
    harness = KernelHarness(kernel_log_dir, name=name,
                            kernel_name=kernelspec_with_archive(java_kernelspec, name, archive)).start()
    try:
        assert_value(harness, "1 + 1", "2")
        assert "Unable to use shared archive" not in harness.log_tail(), harness.log_tail()
    finally:
        harness.stop()


def test_the_kernelspec_maps_the_class_archive_of_the_build_folder(java_kernelspec):
    argv = json.loads((java_kernelspec / "kernel.json").read_text())["argv"]
    expected = kernelspec_util.REPO_ROOT / "kernel-ext" / "target" / "kernel-classes.jsa"
    assert "-XX:SharedArchiveFile=%s" % expected in argv, argv


def test_the_kernel_starts_without_its_class_archive(java_kernelspec, kernel_log_dir, tmp_path):
    runs_a_cell(java_kernelspec, kernel_log_dir, "java-workbench-no-archive", tmp_path / "missing.jsa")


def test_the_kernel_starts_with_a_file_that_is_no_class_archive(java_kernelspec, kernel_log_dir, tmp_path):
    corrupt = tmp_path / "corrupt.jsa"
    corrupt.write_bytes(b"not a class archive\n" * 4096)
    runs_a_cell(java_kernelspec, kernel_log_dir, "java-workbench-corrupt-archive", corrupt)


def test_writing_the_archive_runs_the_kernel_jar_as_boot_jar_not_as_agent():
    jar = kernelspec_util.KERNEL_JAR
    argv = ["java", "-javaagent:%s" % jar, "-XX:SharedArchiveFile=/x.jsa", "-Xshare:auto", "-cp", "cp", "Main", "{connection_file}"]
    dumping = class_archive.dumping_argv(argv, Path("/y.jsa.tmp"))
    boot_jar = class_archive.boot_class_path(jar)
    assert boot_jar.is_file(), boot_jar
    assert dumping == ["java", "-Xbootclasspath/a:%s" % boot_jar, "-XX:ArchiveClassesAtExit=/y.jsa.tmp", "-Xshare:auto",
                       "-cp", "cp", "Main", "{connection_file}"]


def test_the_archive_the_kernel_writes_is_one_the_jvm_uses(tmp_path):
    """Writes an archive (a kernel start, about 10 s) and maps it with -Xshare:on, which fails unless the JVM uses it."""
    archive = tmp_path / "kernel-classes.jsa"
    class_archive.create(archive, kernelspec_util.java_executable())
    spec = kernelspec_util.kernel_json()
    options = [arg for arg in class_archive.jvm_options_and_classpath(spec["argv"])
               if not arg.startswith(("-XX:SharedArchiveFile=", "-Xshare:", "-Xlog:"))]
    options[1:1] = ["-Xshare:on", "-XX:SharedArchiveFile=%s" % archive]
    result = subprocess.run(options + ["-version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (tmp_path / "kernel-classes.jsa.tmp").exists()
