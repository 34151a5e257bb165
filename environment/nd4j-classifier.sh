#!/usr/bin/env bash
# Prints the nd4j-native build that matches this CPU: oneDNN with AVX-512 where the CPU has it,
# else oneDNN with AVX2. The Maven build takes it as -Dnd4j.classifier=...
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
  echo linux-x86_64-onednn-avx512
else
  echo linux-x86_64-onednn-avx2
fi
