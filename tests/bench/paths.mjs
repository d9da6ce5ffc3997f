// Where the built artefacts are, relative to this folder (the repository's build/).
import { fileURLToPath } from 'node:url';

export const MODULE_PATH = fileURLToPath(new URL('../../build/wasm/descent.mjs', import.meta.url));
// What the contenders' children load: the bench's copy of MODULE_PATH (snapshot.mjs) when set.
export const benchModule = () => process.env.DESCENT_BENCH_MODULE ?? MODULE_PATH;
export const NATIVE_BINARY = fileURLToPath(new URL('../../build/native/descent_bench', import.meta.url));
export const DEFAULT_JSON = fileURLToPath(new URL('../../build/bench/bench.json', import.meta.url));

/** True when `url` (a module's import.meta.url) is the script node was started with. */
export const isMain = (url) => process.argv[1] === fileURLToPath(url);
export const TFJS_GRADIENTS = fileURLToPath(new URL('../../build/bench/tfjs-gradients.mjs', import.meta.url));
