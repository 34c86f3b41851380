// Prisma's schema engine compiled to WebAssembly: it applies and diffs migrations through a driver
// adapter, so it needs no native binary (which offline machines cannot download). The package's
// own entry imports the .wasm as an ES module, which Node 20 only allows behind
// --experimental-wasm-modules; instantiating it by hand works on every supported Node without flags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type SchemaEngineClass = typeof SchemaEngine;
type WasmExports = Record<string, unknown> & { __wbindgen_start(): void };
// The WebAssembly global as much as this file needs (Node's types leave it to lib.dom).
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: Record<string, unknown>) => { exports: WasmExports };
    };
  }
).WebAssembly;
let engineClass: Promise<SchemaEngineClass> | undefined;

/**
 * Loads (once per process) the WebAssembly schema engine class.
 *
 * @example
 * const SchemaEngine = await loadSchemaEngine();
 * const engine = await SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
 */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as {
      SchemaEngine: SchemaEngineClass;
      __wbg_set_wasm(exports: WasmExports): void;
    };
    const wasmPath = bindingsPath.replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
    const module = new wasm.Module(readFileSync(wasmPath));
    const instance = new wasm.Instance(module, {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bindings.SchemaEngine;
  })();
  return engineClass;
}
