// Every lib README shows copy-and-use examples; this checks they still compile. Each ```ts block of
// libs/<lib>/README.md becomes its own ES module beside the lib (so `@oauth-ref/<lib>` and the
// lib's dependencies resolve as in a consuming app, the lib from its TypeScript source) and is
// type-checked with the lib's own compiler options. Blocks fenced as ```ts are checked; use
// another fence (```text, ```js) for output or pseudo-code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * @typedef {{ line: number, code: string }} ReadmeExample
 * @typedef {{ line: number, messages: string[] }} ExampleResult
 */

/**
 * The ```ts blocks of a Markdown text, with the line each one starts on.
 *
 * @param {string} markdown
 * @returns {ReadmeExample[]}
 * @example
 * extractTsBlocks('# x\n```ts\nconst a = 1;\n```\n'); // [{ line: 2, code: 'const a = 1;\n' }]
 */
export function extractTsBlocks(markdown) {
  /** @type {ReadmeExample[]} */
  const blocks = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (!/^```(ts|typescript)\s*$/.test(lines[index] ?? '')) continue;
    const start = index;
    const body = [];
    for (index += 1; index < lines.length && !/^```\s*$/.test(lines[index] ?? ''); index += 1)
      body.push(lines[index]);
    blocks.push({ line: start + 1, code: `${body.join('\n')}\n` });
  }
  return blocks;
}

/**
 * The libs teams copy (every lib but tooling, `type:tool`), as `{ name, dir, readme }`.
 *
 * @param {string} root workspace root
 */
export function copyableLibs(root) {
  const libs = join(root, 'libs');
  return readdirSync(libs)
    .map((name) => ({ name, dir: join(libs, name), readme: join(libs, name, 'README.md') }))
    .filter((lib) => existsSync(join(lib.dir, 'package.json')))
    .filter((lib) => {
      const manifest = JSON.parse(readFileSync(join(lib.dir, 'package.json'), 'utf8'));
      return !(manifest.nx?.tags ?? []).includes('type:tool');
    });
}

/**
 * Type-checks the README examples of one lib with the lib's tsconfig (unused locals allowed:
 * examples are fragments). Returns one result per block, with the diagnostics (empty: compiles).
 *
 * @param {string} dir the lib's folder
 * @param {ReadmeExample[]} examples
 * @returns {ExampleResult[]}
 */
export function typecheckExamples(dir, examples) {
  const libDir = resolve(dir);
  const configPath = join(libDir, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, libDir);
  const options = {
    ...parsed.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    allowJs: false,
    checkJs: false,
  };
  const files = new Map(
    examples.map((example, index) => [join(libDir, `README.example-${index + 1}.mts`), example]),
  );
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) => files.get(file)?.code ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const example = files.get(file);
    return example
      ? ts.createSourceFile(file, example.code, language, true)
      : getSourceFile.call(host, file, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.entries()].map(([file, example]) => {
    const source = program.getSourceFile(file);
    const diagnostics = source
      ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
      : [];
    return {
      line: example.line,
      messages: diagnostics.map((diagnostic) => {
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        if (diagnostic.file === undefined || diagnostic.start === undefined) return text;
        const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
        return `README.md:${example.line + line + 1}: ${text}`;
      }),
    };
  });
}

/**
 * @param {string} libDir
 */
export function checkReadme(libDir) {
  return typecheckExamples(
    libDir,
    extractTsBlocks(readFileSync(join(libDir, 'README.md'), 'utf8')),
  );
}
