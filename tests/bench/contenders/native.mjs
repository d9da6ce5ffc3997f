// The native contender: build/native/descent_bench (tests/bench/native_bench.cpp), the library's
// C++ compiled by g++ -O3 without -march; the reference for what the code can do on this machine.
import { existsSync } from 'node:fs';
import { NATIVE_BINARY } from '../paths.mjs';
import { ChildContender } from './child.mjs';

export function startNative(binary = NATIVE_BINARY) {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: bash build-scripts/build.sh --native-only`);
  }
  return new ChildContender('native', binary, []);
}
