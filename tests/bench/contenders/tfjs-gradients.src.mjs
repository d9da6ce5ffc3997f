// tfjs-core keeps its gradients out of its main entry: an app (or the @tensorflow/tfjs union
// package) imports this file, which registers every op's gradient in tfjs's global registry. Its
// ESM sources use extension-less imports that Node cannot load, so tfjs-build.mjs bundles this
// file with Vite, as a web app's bundler would, into build/bench/tfjs-gradients.mjs.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
